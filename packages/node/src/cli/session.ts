import type { SparkClient, SparkModel, SparkProtocol } from '@xinghuo/core';
import { createSparkClient } from '../create-client';
import { readSparkEnv, type SparkEnvironment } from '../env-config';
import { type ProxyResolver, proxyFromEnv } from '../proxy/proxy-from-env';
import { type CliOptions, CliUsageError, DEFAULT_MOCK_LATENCY_MS } from './args';
import { resolveCliModel } from './model-choice';

/** The variable for `--model-url`, read by the CLI only. */
export const MODEL_URL_VARIABLE = 'SPARK_MODEL_URL';

/** What a command needs to talk to Spark (or the embedded mock). */
export interface CliSession {
  client: SparkClient;
  /** The model chosen by `--model`, `SPARK_MODEL`, or `lite`. */
  model: SparkModel;
  /** The protocol of the session's model: `--protocol`, `SPARK_PROTOCOL`, else the model's default. */
  protocol: SparkProtocol;
  appId: string;
  apiKey: string | undefined;
  apiSecret: string | undefined;
  baseURL: string | undefined;
  /** True when the session talks to the embedded mock (`--mock`), not to Spark. */
  mock: boolean;
  /** Values that must never be printed (fed to `redactSecrets`). */
  secrets: string[];
  /** Stops the embedded mock server, if any. */
  close(): Promise<void>;
}

/** The settings a session is built from, before any network I/O. */
export interface SessionSettings {
  appId: string | undefined;
  apiKey: string | undefined;
  apiSecret: string | undefined;
  /** The HTTP APIPassword (`SPARK_API_PASSWORD`, or the embedded mock's). */
  apiPassword: string | undefined;
  /** `--protocol` or `SPARK_PROTOCOL`; `undefined` lets the model (and the credentials) decide. */
  protocol: SparkProtocol | undefined;
  baseURL: string | undefined;
  /** `--proxy`, else the proxy environment variables (`HTTPS_PROXY`, `NO_PROXY`, …). */
  proxy: string | ProxyResolver;
  modelName: string;
  /** `--model-url` or `SPARK_MODEL_URL`: a custom endpoint whose domain is `modelName`. */
  modelUrl: string | undefined;
  /** True for the embedded mock. */
  mock: boolean;
  close(): Promise<void>;
}

/** The model of a session: a registry model, or the custom endpoint of `--model-url`. */
export function sessionModel(settings: SessionSettings): SparkModel {
  return resolveCliModel(settings.modelName, settings.modelUrl, 'command-line');
}

/**
 * The protocol a session speaks to its model: the one asked for; else HTTP when only the HTTP
 * password is set (as the client decides); else WebSocket where the model has a WebSocket endpoint.
 */
export function sessionProtocol(settings: SessionSettings, model: SparkModel): SparkProtocol {
  if (settings.protocol) return settings.protocol;
  if (!settings.appId && settings.apiPassword) return 'http';
  return model.url ? 'ws' : 'http';
}

/** The HTTP endpoint with `baseURL`'s scheme (`ws:` → `http:`), host and port, for proxy choice and probes. */
export function withHttpScheme(url: string, baseURL: string | undefined): string {
  const target = new URL(url);
  if (!baseURL) return target.href;
  const base = new URL(baseURL);
  const scheme = base.protocol === 'wss:' || base.protocol === 'https:' ? 'https:' : 'http:';
  const prefix = base.pathname.replace(/\/+$/, '');
  return `${scheme}//${base.host}${prefix}${target.pathname}${target.search}`;
}

/**
 * Resolves credentials, base URL and model from the flags and the environment. With `--mock` it
 * starts the embedded mock Spark server on a free loopback port and uses its test credentials.
 */
export async function resolveSessionSettings(
  options: CliOptions,
  env: SparkEnvironment,
): Promise<SessionSettings> {
  const fromEnv = readSparkEnv(env);
  const modelUrl = options.modelUrl ?? (env[MODEL_URL_VARIABLE]?.trim() || undefined);
  const modelName = options.model ?? fromEnv.model;
  if (modelUrl !== undefined && modelName === undefined) {
    throw new CliUsageError("--model-url needs the model's domain too: --model <domain> (or SPARK_MODEL).");
  }
  const model = { modelName: modelName ?? 'lite', modelUrl };
  const protocol = options.protocol ?? fromEnv.protocol;
  const proxy = options.proxy ?? proxyFromEnv(env);
  if (options.mock) {
    // Loaded only for --mock, so ordinary runs do not pay for it.
    const { startMockSpark } = await import('@xinghuo/mock-server');
    // A delay per frame like the real service's, so streaming (and Ctrl-C) can be seen.
    const mock = await startMockSpark({ latencyMs: options.mockLatencyMs ?? DEFAULT_MOCK_LATENCY_MS });
    return {
      ...mock.credentials,
      // The mock's HTTP face shares the listener: one base URL serves both protocols.
      apiPassword: mock.apiPassword,
      protocol,
      baseURL: mock.url,
      proxy,
      ...model,
      mock: true,
      close: () => mock.close(),
    };
  }
  return {
    appId: fromEnv.appId,
    apiKey: fromEnv.apiKey,
    apiSecret: fromEnv.apiSecret,
    apiPassword: fromEnv.apiPassword,
    protocol,
    baseURL: options.baseURL ?? fromEnv.baseURL,
    proxy,
    ...model,
    mock: false,
    close: async () => {},
  };
}

/** Opens a session: settings plus a client. The caller must `close()` it. */
export async function openSession(
  options: CliOptions,
  env: SparkEnvironment,
  warn?: (message: string) => void,
): Promise<CliSession> {
  const settings = await resolveSessionSettings(options, env);
  try {
    const model = sessionModel(settings);
    const protocol = sessionProtocol(settings, model);
    const client = createSparkClient({
      env: {},
      // Only an explicit choice is passed: without one, a `/model` switch picks that model's protocol.
      protocol: settings.protocol,
      appId: settings.appId,
      apiKey: settings.apiKey,
      apiSecret: settings.apiSecret,
      apiPassword: settings.apiPassword,
      baseURL: settings.baseURL,
      defaultModel: model,
      // The proxy applies to HTTP-protocol requests too (through the same CONNECT tunnel).
      ws: { proxy: settings.proxy },
      // Capability warnings (e.g. a system message for a model that may ignore it) go to stderr.
      ...(warn ? { logger: { warn: (message: string) => warn(message) } } : {}),
    });
    return {
      client,
      model,
      protocol,
      appId: settings.appId ?? '',
      apiKey: settings.apiKey,
      apiSecret: settings.apiSecret,
      baseURL: settings.baseURL,
      mock: settings.mock,
      secrets: [settings.apiKey, settings.apiSecret, settings.apiPassword].filter((value): value is string =>
        Boolean(value),
      ),
      close: settings.close,
    };
  } catch (error) {
    await settings.close();
    throw error;
  }
}
