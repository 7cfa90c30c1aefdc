/**
 * Where the provider's Spark client comes from: the one passed in, or one built on first use from the
 * options and the `SPARK_*` environment. Building touches no network.
 */
import { createBrowserTransport } from '@xinghuo/browser';
import { createSparkClient, type SparkClientOptions, SparkConfigError } from '@xinghuo/core';
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
        '(pages), or set the SPARK_* environment variables.',
    );
  }
  if (!settings.signUrl && isBrowserPage() && !settings.dangerouslyAllowBrowser) {
    throw new SparkConfigError(
      'The Spark provider refuses to use an API secret in a browser page, where anyone can read it. ' +
        'Pass signUrl (a signing endpoint on your server), or set dangerouslyAllowBrowser: true.',
    );
  }

  let transport = settings.transport;
  if (!transport) {
    const WebSocket = settings.WebSocket ?? (globalThis as { WebSocket?: unknown }).WebSocket;
    // Node 20 has no global WebSocket: say what to pass instead of failing on the first request.
    if (typeof WebSocket !== 'function') {
      throw new SparkConfigError(
        'This runtime has no global WebSocket (Node 20 has none). Pass `createSpark({ client: ' +
          'createSparkClient() })` with the client of @xinghuo/node, or `WebSocket` (e.g. from `ws`).',
      );
    }
    transport = createBrowserTransport(settings.WebSocket ? { WebSocket: settings.WebSocket } : {});
  }

  const options: SparkClientOptions = {
    appId: appId as string,
    transport,
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
