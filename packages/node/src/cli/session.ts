import type { SparkClient, SparkModel } from '@xinghuo/core';
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
  const proxy = options.proxy ?? proxyFromEnv(env);
  if (options.mock) {
    // Loaded only for --mock, so ordinary runs do not pay for it.
    const { startMockSpark } = await import('@xinghuo/mock-server');
    // A delay per frame like the real service's, so streaming (and Ctrl-C) can be seen.
    const mock = await startMockSpark({ latencyMs: options.mockLatencyMs ?? DEFAULT_MOCK_LATENCY_MS });
    return {
      ...mock.credentials,
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
    const client = createSparkClient({
      env: {},
      appId: settings.appId,
      apiKey: settings.apiKey,
      apiSecret: settings.apiSecret,
      baseURL: settings.baseURL,
      defaultModel: model,
      ws: { proxy: settings.proxy },
      // Capability warnings (e.g. a system message for a model that may ignore it) go to stderr.
      ...(warn ? { logger: { warn: (message: string) => warn(message) } } : {}),
    });
    return {
      client,
      model,
      appId: settings.appId ?? '',
      apiKey: settings.apiKey,
      apiSecret: settings.apiSecret,
      baseURL: settings.baseURL,
      mock: settings.mock,
      secrets: [settings.apiKey, settings.apiSecret].filter((value): value is string => Boolean(value)),
      close: settings.close,
    };
  } catch (error) {
    await settings.close();
    throw error;
  }
}
