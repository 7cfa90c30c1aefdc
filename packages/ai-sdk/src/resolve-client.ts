/**
 * Where the provider's Spark client comes from: the one passed in, or one built on first use from the
 * options and the `SPARK_*` environment. Building touches no network. The variable names, the
 * missing-credential check and the browser-secret guard are core's, shared with `@xinghuo/node`,
 * `@xinghuo/browser` and `@xinghuo/langchain`.
 */
import { createBrowserTransport } from '@xinghuo/browser';
import {
  createSparkClient,
  guardBrowserSecret,
  isBrowserPage,
  missingCredentials,
  readSparkEnv,
  type SparkClientOptions,
  SparkConfigError,
  type SparkEnvSettings,
} from '@xinghuo/core';
import type { SparkProviderClient, SparkProviderSettings } from './spark-provider-options';

type Environment = Readonly<Record<string, string | undefined>>;

function processEnvironment(): Environment {
  const scope = globalThis as { process?: { env?: Environment } };
  return scope.process?.env ?? {};
}

/**
 * Builds the client the provider calls when none was passed.
 *
 * @throws SparkConfigError when credentials or a WebSocket are missing, or when a raw API secret would
 *   be used in a browser page without `dangerouslyAllowBrowser`.
 */
export function buildClient(settings: SparkProviderSettings): SparkProviderClient {
  if (settings.client) return settings.client;
  const env = readSparkEnv(settings.env ?? processEnvironment());
  const protocol = settings.protocol ?? env.protocol;
  if (protocol === 'http') return buildHttpClient(settings, env);
  const appId = settings.appId ?? env.appId;
  const apiKey = settings.signUrl ? undefined : (settings.apiKey ?? env.apiKey);
  const apiSecret = settings.signUrl ? undefined : (settings.apiSecret ?? env.apiSecret);
  const baseURL = settings.baseURL ?? env.baseURL;

  const missing = missingCredentials({ appId, apiKey, apiSecret }, !settings.signUrl);
  if (missing.length > 0) {
    throw new SparkConfigError(
      `The Spark provider needs a client or credentials; missing ${missing.join(', ')}. ` +
        'Pass `createSpark({ client })` with a client from @xinghuo/node (servers) or @xinghuo/browser ' +
        "(pages), set the SPARK_* environment variables, or use protocol 'http' with an apiPassword.",
    );
  }
  if (isBrowserPage()) guardBrowserSecret(!settings.signUrl, settings.dangerouslyAllowBrowser);
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

/** An HTTP-only client: POST + SSE through `fetch`, no WebSocket and no app id needed. */
function buildHttpClient(settings: SparkProviderSettings, env: SparkEnvSettings): SparkProviderClient {
  const apiPassword = settings.apiPassword ?? env.apiPassword;
  const apiKey = settings.apiKey ?? env.apiKey;
  const apiSecret = settings.apiSecret ?? env.apiSecret;
  const missing = missingCredentials({ apiPassword, apiKey, apiSecret }, true, 'http');
  if (missing.length > 0) {
    throw new SparkConfigError(`The Spark provider with protocol 'http' needs ${missing.join(', ')}.`);
  }
  if (isBrowserPage()) {
    guardBrowserSecret(!apiPassword, settings.dangerouslyAllowBrowser, apiPassword !== undefined);
  }
  const baseURL = settings.baseURL ?? env.baseURL;
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
