import {
  createSparkClient as createCoreClient,
  isHttpOnly,
  type SparkClient,
  type SparkClientOptions,
  type SparkEnvironmentOptions,
  type SparkTransport,
} from '@xinghuo/core';
import { readSparkEnv, requireCredentials, type SparkEnvironment } from './env-config';
import { loggerFromLogLevel } from './env-logger';
import { createNodeFetch } from './http/node-fetch';
import { nodeHmacSha256 } from './node-hmac';
import { createWsTransport, type WsTransportOptions } from './ws/ws-transport';

/**
 * Options of the Node {@link createSparkClient}: core's options, all optional, plus where to read
 * the environment from and how to configure the default `ws` transport.
 */
export interface NodeSparkClientOptions
  extends Omit<SparkClientOptions, keyof SparkEnvironmentOptions | 'transport'>,
    SparkEnvironmentOptions {
  /** Model of requests that name none; default `SPARK_MODEL`. */
  defaultModel?: SparkClientOptions['defaultModel'];
  /**
   * The `fetch` of the HTTP protocol. Default: {@link createNodeFetch} (`node:http`/`node:https`, a
   * keep-alive agent per scheme and client, certificates always verified) with the `ws` options' `proxy`, `ca`
   * and `agent`. It costs about a third less CPU per request than Node's global `fetch`, which registers
   * every request that has an `AbortSignal` for garbage collection tracking. Pass `fetch` to use another.
   */
  fetch?: SparkClientOptions['fetch'];
  /** Opens WebSockets; default {@link createWsTransport} with `ws` options below. */
  transport?: SparkTransport | undefined;
  /**
   * Options of the default `ws` transport (proxy, CA certificates, handshake timeout, max payload).
   * Its `proxy`, `ca` and `agent` apply to the HTTP protocol too, unless a `fetch` is given: proxied
   * HTTP requests take the same `CONNECT` tunnel (Node 20's global `fetch` cannot use a proxy).
   */
  ws?: WsTransportOptions | undefined;
  /**
   * Where `SPARK_*` and `XINGHUO_LOG` are read from; default `process.env`. Pass `{}` to read none.
   * `XINGHUO_LOG=debug|info|warn|error` logs to stderr (redacted) unless a `logger` is given.
   */
  env?: SparkEnvironment | undefined;
}

/**
 * Creates a Spark client for Node.js: the core client over a `ws` WebSocket transport, configured
 * from options or, for whatever is not passed, from `SPARK_APP_ID`, `SPARK_API_KEY`,
 * `SPARK_API_SECRET`, `SPARK_API_PASSWORD`, `SPARK_PROTOCOL`, `SPARK_BASE_URL` and `SPARK_MODEL`.
 * With `protocol: 'http'` (or only `SPARK_API_PASSWORD` set) it speaks Spark's OpenAI-compatible HTTP
 * API through {@link createNodeFetch} (`node:http` with keep-alive sockets) unless `fetch` is given.
 *
 * @throws SparkConfigError naming the missing options and environment variables
 * @example
 * ```ts
 * import { createSparkClient } from '@xinghuo/node';
 *
 * const client = createSparkClient({ defaultModel: 'max' }); // credentials from SPARK_* variables
 * for await (const text of client.stream({ messages: [{ role: 'user', content: '你好' }] }).textStream) {
 *   process.stdout.write(text);
 * }
 * ```
 */
export function createSparkClient(options: NodeSparkClientOptions = {}): SparkClient {
  const { env, ws, transport, ...rest } = options;
  const fromEnv = readSparkEnv(env ?? process.env);
  const usesProvider = rest.signUrl !== undefined;
  const appId = rest.appId ?? fromEnv.appId;
  const apiKey = usesProvider ? rest.apiKey : (rest.apiKey ?? fromEnv.apiKey);
  const apiSecret = usesProvider ? rest.apiSecret : (rest.apiSecret ?? fromEnv.apiSecret);
  const apiPassword = rest.apiPassword ?? fromEnv.apiPassword;
  // Only an HTTP credential and no APPID: the client speaks HTTP (core's rule, applied to the env too).
  const protocol =
    rest.protocol ?? fromEnv.protocol ?? (isHttpOnly({ appId, apiPassword }) ? 'http' : undefined);
  requireCredentials({ appId, apiKey, apiSecret, apiPassword }, !usesProvider, protocol);
  const signs = usesProvider || (apiKey !== undefined && apiSecret !== undefined);
  return createCoreClient({
    ...rest,
    protocol,
    appId,
    apiPassword,
    // Signing with credentials uses node:crypto unless the caller brought its own HMAC.
    ...(usesProvider || !signs ? {} : { apiKey, apiSecret, hmac: rest.hmac ?? nodeHmacSha256 }),
    baseURL: rest.baseURL ?? fromEnv.baseURL,
    defaultModel: rest.defaultModel ?? fromEnv.model,
    transport: transport ?? createWsTransport(ws),
    // A fetch on node:http rather than the global one: about a third less CPU per request (see createNodeFetch).
    fetch: rest.fetch ?? createNodeFetch({ proxy: ws?.proxy, ca: ws?.ca, agent: ws?.agent }),
    // An explicit logger wins; otherwise XINGHUO_LOG may ask for stderr lines (redacted of both secrets).
    logger: rest.logger ?? loggerFromLogLevel(fromEnv.logLevel, [apiKey, apiSecret]),
  });
}
