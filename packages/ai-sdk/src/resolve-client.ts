/**
 * Where the provider's Spark client comes from: the one passed in, or one built on first use from the
 * options and the `SPARK_*` environment. Building touches no network.
 */
import { createBrowserTransport } from '@xinghuo/browser';
import {
  createSparkClient,
  type SparkClientOptions,
  SparkConfigError,
  type SparkProtocol,
} from '@xinghuo/core';
import type { SparkProviderClient, SparkProviderSettings } from './spark-provider-options';

type Environment = Readonly<Record<string, string | undefined>>;

function processEnvironment(): Environment {
  const scope = globalThis as { process?: { env?: Environment } };
  return scope.process?.env ?? {};
}

function isBrowserPage(): boolean {
  const scope = globalThis as { window?: unknown; document?: unknown };
  return typeof scope.window === 'object' && typeof scope.document === 'object';
}

/**
 * Builds the client the provider calls when none was passed.
 *
 * @throws SparkConfigError when credentials or a WebSocket are missing, or when a raw API secret would
 *   be used in a browser page without `dangerouslyAllowBrowser`.
 */
export function buildClient(settings: SparkProviderSettings): SparkProviderClient {
  if (settings.client) return settings.client;
  const env = settings.env ?? processEnvironment();
  const protocol = settings.protocol ?? protocolFromEnvironment(env.SPARK_PROTOCOL);
  if (protocol === 'http') return buildHttpClient(settings, env);
  const appId = settings.appId ?? env.SPARK_APP_ID;
  const apiKey = settings.signUrl ? undefined : (settings.apiKey ?? env.SPARK_API_KEY);
  const apiSecret = settings.signUrl ? undefined : (settings.apiSecret ?? env.SPARK_API_SECRET);
  const baseURL = settings.baseURL ?? env.SPARK_BASE_URL;

  const missing = [
    appId ? undefined : 'appId (SPARK_APP_ID)',
    settings.signUrl || apiKey ? undefined : 'apiKey (SPARK_API_KEY)',
    settings.signUrl || apiSecret ? undefined : 'apiSecret (SPARK_API_SECRET)',
  ].filter((name): name is string => name !== undefined);
  if (missing.length > 0) {
    throw new SparkConfigError(
      `The Spark provider needs a client or credentials; missing ${missing.join(', ')}. ` +
        'Pass `createSpark({ client })` with a client from @xinghuo/node (servers) or @xinghuo/browser ' +
        "(pages), set the SPARK_* environment variables, or use protocol 'http' with an apiPassword.",
    );
  }
  refuseSecretInPage(settings);

  let transport = settings.transport;
  if (!transport) {
    const WebSocket = settings.WebSocket ?? (globalThis as { WebSocket?: unknown }).WebSocket;
    // Node 20 has no global WebSocket: say what to pass instead of failing on the first request.
    if (typeof WebSocket !== 'function') {
      throw new SparkConfigError(
        'This runtime has no global WebSocket (Node 20 has none). Pass `createSpark({ client: ' +
          "createSparkClient() })` with the client of @xinghuo/node, `WebSocket` (e.g. from `ws`), or protocol 'http'.",
      );
    }
    transport = createBrowserTransport(settings.WebSocket ? { WebSocket: settings.WebSocket } : {});
  }

  const options: SparkClientOptions = {
    appId: appId as string,
    transport,
    ...(settings.protocol ? { protocol: settings.protocol } : {}),
    ...(settings.signUrl
      ? { signUrl: settings.signUrl }
      : { apiKey: apiKey as string, apiSecret: apiSecret as string }),
    ...(baseURL ? { baseURL } : {}),
    ...(settings.timeouts ? { timeouts: settings.timeouts } : {}),
    maxRetries: settings.maxRetries ?? 0,
    ...(settings.logger ? { logger: settings.logger } : {}),
  };
  return createSparkClient(options);
}

function protocolFromEnvironment(value: string | undefined): SparkProtocol | undefined {
  if (value === undefined || value === '') return undefined;
  if (value === 'ws' || value === 'http') return value;
  throw new SparkConfigError(`SPARK_PROTOCOL must be "ws" or "http" (got ${JSON.stringify(value)}).`);
}

function refuseSecretInPage(settings: SparkProviderSettings): void {
  if (!settings.signUrl && isBrowserPage() && !settings.dangerouslyAllowBrowser) {
    throw new SparkConfigError(
      'The Spark provider refuses to use an API secret in a browser page, where anyone can read it. ' +
        'Pass signUrl (a signing endpoint on your server), or set dangerouslyAllowBrowser: true.',
    );
  }
}

/** An HTTP-only client: POST + SSE through `fetch`, no WebSocket and no app id needed. */
function buildHttpClient(settings: SparkProviderSettings, env: Environment): SparkProviderClient {
  const apiPassword = settings.apiPassword ?? env.SPARK_API_PASSWORD;
  const apiKey = settings.apiKey ?? env.SPARK_API_KEY;
  const apiSecret = settings.apiSecret ?? env.SPARK_API_SECRET;
  if (!apiPassword && !(apiKey && apiSecret)) {
    throw new SparkConfigError(
      "The Spark provider with protocol 'http' needs apiPassword (SPARK_API_PASSWORD), or apiKey and apiSecret.",
    );
  }
  refuseSecretInPage(settings);
  const baseURL = settings.baseURL ?? env.SPARK_BASE_URL;
  return createSparkClient({
    protocol: 'http',
    ...(apiPassword ? { apiPassword } : { apiKey: apiKey as string, apiSecret: apiSecret as string }),
    ...(settings.fetch ? { fetch: settings.fetch } : {}),
    ...(baseURL ? { baseURL } : {}),
    ...(settings.timeouts ? { timeouts: settings.timeouts } : {}),
    maxRetries: settings.maxRetries ?? 0,
    ...(settings.logger ? { logger: settings.logger } : {}),
  });
}
