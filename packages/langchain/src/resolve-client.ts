/**
 * Where ChatSpark's Spark client comes from: the one passed in, or one built from credentials (read
 * from `SPARK_*` when not passed), over WebSocket (with a transport) or HTTP (with `fetch`). Building
 * one touches no network. The variable names, the missing-credential check and the browser-secret
 * guard are core's, shared with `@xinghuo/node`, `@xinghuo/browser` and `@xinghuo/ai-sdk`.
 */
import { getEnvironmentVariable } from '@langchain/core/utils/env';
import { createBrowserTransport } from '@xinghuo/browser';
import {
  createSparkClient,
  guardBrowserSecret,
  isBrowserPage,
  isHttpOnly,
  missingCredentials,
  readSparkEnv,
  SPARK_ENV_VARIABLES,
  type SparkClientOptions,
  SparkConfigError,
  type SparkModel,
  type SparkProtocol,
} from '@xinghuo/core';
import type { ChatSparkClient, ChatSparkInput } from './chat-spark-options';

/** Credentials and endpoint settings after reading the environment. */
export interface ResolvedCredentials {
  appId: string | undefined;
  apiKey: string | undefined;
  apiSecret: string | undefined;
  /** The HTTP APIPassword. */
  apiPassword: string | undefined;
  /** The protocol asked for (`protocol` or `SPARK_PROTOCOL`); undefined leaves the choice to the rule. */
  protocol: SparkProtocol | undefined;
  baseURL: string | undefined;
}

const VARIABLES = [
  SPARK_ENV_VARIABLES.appId,
  SPARK_ENV_VARIABLES.apiKey,
  SPARK_ENV_VARIABLES.apiSecret,
  SPARK_ENV_VARIABLES.apiPassword,
  SPARK_ENV_VARIABLES.protocol,
  SPARK_ENV_VARIABLES.baseURL,
];

/**
 * Fills credentials, the protocol and the base URL from `SPARK_APP_ID`, `SPARK_API_KEY`,
 * `SPARK_API_SECRET`, `SPARK_API_PASSWORD`, `SPARK_PROTOCOL` and `SPARK_BASE_URL` (read with
 * LangChain's `getEnvironmentVariable`, so any runtime it knows works; trimmed, empty counts as unset).
 * With a `client` nothing is read: the client already holds what it needs, and a secret the model does
 * not use should not sit on it.
 *
 * @throws SparkConfigError when `SPARK_PROTOCOL` is neither `ws` nor `http`
 */
export function readCredentials(fields: ChatSparkInput): ResolvedCredentials {
  if (fields.client) {
    return {
      appId: fields.appId,
      apiKey: fields.apiKey,
      apiSecret: fields.apiSecret,
      apiPassword: fields.apiPassword,
      protocol: fields.protocol,
      baseURL: fields.baseURL,
    };
  }
  const env = readSparkEnv(Object.fromEntries(VARIABLES.map((name) => [name, getEnvironmentVariable(name)])));
  return {
    appId: fields.appId ?? env.appId,
    apiKey: fields.apiKey ?? env.apiKey,
    apiSecret: fields.apiSecret ?? env.apiSecret,
    apiPassword: fields.apiPassword ?? env.apiPassword,
    protocol: fields.protocol ?? env.protocol,
    baseURL: fields.baseURL ?? env.baseURL,
  };
}

/**
 * The protocol of the client ChatSpark builds: the one asked for; else HTTP for a model with no
 * WebSocket endpoint, or by core's `isHttpOnly` (an APIPassword and no app id); else WebSocket.
 */
function chooseProtocol(model: SparkModel, credentials: ResolvedCredentials): SparkProtocol {
  if (credentials.protocol) return credentials.protocol;
  return !model.url || isHttpOnly(credentials) ? 'http' : 'ws';
}

/**
 * Returns the client ChatSpark calls.
 *
 * @throws SparkConfigError when no client is given and credentials (or, for WebSocket, a transport) are
 *   missing, or when a raw API secret or APIPassword would be used in a browser page without
 *   `dangerouslyAllowBrowser`.
 */
export function resolveClient(
  fields: ChatSparkInput,
  credentials: ResolvedCredentials,
  model: SparkModel,
): ChatSparkClient {
  if (fields.client) return fields.client;
  const shared: Partial<SparkClientOptions> = {
    ...(credentials.baseURL ? { baseURL: credentials.baseURL } : {}),
    ...(fields.timeouts ? { timeouts: fields.timeouts } : {}),
    ...(fields.maxRetries !== undefined ? { maxRetries: fields.maxRetries } : {}),
    ...(fields.logger ? { logger: fields.logger } : {}),
  };
  return chooseProtocol(model, credentials) === 'http'
    ? buildHttpClient(fields, credentials, shared)
    : buildWebSocketClient(fields, credentials, shared);
}

/** An HTTP client: POST + SSE through `fetch`; no app id and no WebSocket needed (Node 20 included). */
function buildHttpClient(
  fields: ChatSparkInput,
  credentials: ResolvedCredentials,
  shared: Partial<SparkClientOptions>,
): ChatSparkClient {
  const { apiPassword, apiKey, apiSecret } = credentials;
  const missing = missingCredentials({ apiPassword, apiKey, apiSecret }, true, 'http');
  if (missing.length > 0) {
    throw new SparkConfigError(
      `ChatSpark with protocol 'http' needs a client or ${missing.join(', ')}. ` +
        'Pass `client: createSparkClient()` from @xinghuo/node, or set the SPARK_* environment variables.',
    );
  }
  if (isBrowserPage()) {
    guardBrowserSecret(!apiPassword, fields.dangerouslyAllowBrowser, apiPassword !== undefined);
  }
  return createSparkClient({
    ...shared,
    protocol: 'http',
    ...(apiPassword ? { apiPassword } : { apiKey: apiKey as string, apiSecret: apiSecret as string }),
    ...(fields.fetch ? { fetch: fields.fetch } : {}),
  });
}

/** A WebSocket client: signed with the key pair or `signUrl`, over `transport` or the global WebSocket. */
function buildWebSocketClient(
  fields: ChatSparkInput,
  credentials: ResolvedCredentials,
  shared: Partial<SparkClientOptions>,
): ChatSparkClient {
  const missing = missingCredentials(credentials, !fields.signUrl);
  if (missing.length > 0) {
    throw new SparkConfigError(
      `ChatSpark needs a client or credentials; missing ${missing.join(', ')}. ` +
        'Pass `client: createSparkClient()` from @xinghuo/node (servers) or @xinghuo/browser (pages), ' +
        "set the SPARK_* environment variables, or use protocol 'http' with an apiPassword.",
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
          "from @xinghuo/node, a `transport`, or use protocol 'http'.",
      );
    }
    transport = createBrowserTransport();
  }

  return createSparkClient({
    ...shared,
    appId: credentials.appId as string,
    transport,
    ...(credentials.protocol ? { protocol: credentials.protocol } : {}),
    ...(fields.signUrl
      ? { signUrl: fields.signUrl }
      : { apiKey: credentials.apiKey as string, apiSecret: credentials.apiSecret as string }),
  });
}
