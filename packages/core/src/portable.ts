/**
 * `@xinghuo/core/portable`: all of `@xinghuo/core` except the credential signer (`signUrl`), the
 * `createSparkClient` built on it, and Spark's code table (`@xinghuo/core/spark-codes`). Nothing here
 * reaches the HMAC code, so a bundle that starts from this entry (the browser package) can load the
 * signer later with `import('@xinghuo/core/sign-url')` and keep it out of the page's first download. What only transport authors need is in
 * `@xinghuo/core/transport`.
 *
 * @packageDocumentation
 */

export { ChatStream } from './client/chat-stream';
export type {
  HistoryTrimmer,
  RetryDelayOptions,
  SignUrlProvider,
  SignUrlRequest,
  SparkClient,
  SparkClientOptions,
  SparkEngineOptions,
  SparkTimeouts,
} from './client/client';
export {
  type CredentialValues,
  guardBrowserSecret,
  isBrowserPage,
  missingCredentials,
  readSparkEnv,
  relayedFetch,
  requireCredentials,
  SPARK_ENV_VARIABLES,
  type SparkEnvironment,
  type SparkEnvironmentOptions,
  type SparkEnvSettings,
} from './client/credentials';
export { createSparkEngine, isHttpOnly } from './client/engine';
export { type ReadChatStreamOptions, readChatStream } from './client/read-chat-stream';
export * from './errors';
export type { SparkRetryInfo } from './exchange/attempt-history';
export { DEFAULT_TIMEOUTS } from './exchange/deadlines';
export { estimateTokens, type TokenEstimator } from './history/estimate-tokens';
export { type TrimHistoryOptions, type TrimHistoryResult, trimHistory } from './history/trim-history';
export type { KnownModelId, SparkModelId } from './models/model-id';
export {
  type CustomModel,
  type HttpEndpoint,
  MODELS,
  type ModelCapabilities,
  modelNameTable,
  resolveModel,
  type SparkModel,
} from './models/models';
export type { SparkFetch } from './protocol/http/open-http';
export type { SparkConnection, SparkTransport, SparkTransportOptions } from './protocol/websocket/transport';
export type { HmacSha256, SignUrlOptions, SparkCredentials } from './signing/sign-url';
export type * from './types';
