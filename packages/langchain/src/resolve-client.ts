/**
 * Where ChatSpark's Spark client comes from: the one passed in, or one built from credentials (read
 * from `SPARK_*` when not passed) and a transport. Building one touches no network. The variable
 * names, the missing-credential check and the browser-secret guard are core's, shared with
 * `@xinghuo/node` and `@xinghuo/browser`.
 */
import { getEnvironmentVariable } from '@langchain/core/utils/env';
import { createBrowserTransport } from '@xinghuo/browser';
import {
  createSparkClient,
  guardBrowserSecret,
  isBrowserPage,
  missingCredentials,
  readSparkEnv,
  SPARK_ENV_VARIABLES,
  type SparkClientOptions,
  SparkConfigError,
} from '@xinghuo/core';
import type { ChatSparkClient, ChatSparkInput } from './chat-spark-options';

/** Credentials and endpoint settings after reading the environment. */
export interface ResolvedCredentials {
  appId: string | undefined;
  apiKey: string | undefined;
  apiSecret: string | undefined;
  baseURL: string | undefined;
}

/**
 * Fills credentials and the base URL from `SPARK_APP_ID`, `SPARK_API_KEY`, `SPARK_API_SECRET` and
 * `SPARK_BASE_URL` (read with LangChain's `getEnvironmentVariable`, so any runtime it knows works;
 * trimmed, empty counts as unset). With a `client` nothing is read: the client already holds what it
 * needs, and a secret the model does not use should not sit on it.
 */
export function readCredentials(fields: ChatSparkInput): ResolvedCredentials {
  if (fields.client) {
    return {
      appId: fields.appId,
      apiKey: fields.apiKey,
      apiSecret: fields.apiSecret,
      baseURL: fields.baseURL,
    };
  }
  const names = [
    SPARK_ENV_VARIABLES.appId,
    SPARK_ENV_VARIABLES.apiKey,
    SPARK_ENV_VARIABLES.apiSecret,
    SPARK_ENV_VARIABLES.baseURL,
  ];
  const env = readSparkEnv(Object.fromEntries(names.map((name) => [name, getEnvironmentVariable(name)])));
  return {
    appId: fields.appId ?? env.appId,
    apiKey: fields.apiKey ?? env.apiKey,
    apiSecret: fields.apiSecret ?? env.apiSecret,
    baseURL: fields.baseURL ?? env.baseURL,
  };
}

/**
 * Returns the client ChatSpark calls.
 *
 * @throws SparkConfigError when no client is given and credentials or a transport are missing, or when a
 *   raw API secret would be used in a browser page without `dangerouslyAllowBrowser`.
 */
export function resolveClient(fields: ChatSparkInput, credentials: ResolvedCredentials): ChatSparkClient {
  if (fields.client) return fields.client;

  const missing = missingCredentials(credentials, !fields.signUrl);
  if (missing.length > 0) {
    throw new SparkConfigError(
      `ChatSpark needs a client or credentials; missing ${missing.join(', ')}. ` +
        'Pass `client: createSparkClient()` from @xinghuo/node (servers) or @xinghuo/browser (pages), ' +
        'or set the SPARK_* environment variables.',
    );
  }
  if (isBrowserPage()) guardBrowserSecret(!fields.signUrl, fields.dangerouslyAllowBrowser);

  let transport = fields.transport;
  if (!transport) {
    // The WHATWG transport of @xinghuo/browser fits every runtime with a global WebSocket (browsers,
    // workers, Deno, Bun, Node >= 22); Node 20 has none, so say what to pass instead.
    if (typeof (globalThis as { WebSocket?: unknown }).WebSocket !== 'function') {
      throw new SparkConfigError(
        'This runtime has no global WebSocket (Node 20 has none). Pass `client: createSparkClient()` ' +
          'from @xinghuo/node, or a `transport`.',
      );
    }
    transport = createBrowserTransport();
  }

  const options: SparkClientOptions = {
    appId: credentials.appId as string,
    transport,
    ...(fields.signUrl
      ? { signUrl: fields.signUrl }
      : { apiKey: credentials.apiKey as string, apiSecret: credentials.apiSecret as string }),
    ...(credentials.baseURL ? { baseURL: credentials.baseURL } : {}),
    ...(fields.timeouts ? { timeouts: fields.timeouts } : {}),
    ...(fields.maxRetries !== undefined ? { maxRetries: fields.maxRetries } : {}),
    ...(fields.logger ? { logger: fields.logger } : {}),
  };
  return createSparkClient(options);
}
