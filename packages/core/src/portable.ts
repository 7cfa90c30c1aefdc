/**
 * `@xinghuo/core/portable`: all of `@xinghuo/core` except the credential signer (`signUrl`) and the
 * `createSparkClient` built on it. Nothing here reaches the HMAC code, so a bundle that starts from this
 * entry (the browser package) can load the signer later with `import('@xinghuo/core/sign-url')` and
 * keep it out of the page's first download.
 *
 * @packageDocumentation
 */
export { AsyncQueue } from './async-queue';
export type { SparkRetryInfo } from './attempt-history';
export { withBaseURL } from './base-url';
export { ChatStream, type ChatStreamOptions, type ChatStreamRunner } from './chat-stream';
export type {
  HistoryTrimmer,
  RetryDelayOptions,
  SignUrlProvider,
  SignUrlRequest,
  SparkClient,
  SparkClientOptions,
  SparkEngineOptions,
  SparkTimeouts,
} from './client';
export { DEFAULT_TIMEOUTS } from './deadlines';
export { type DecodedFrame, decodeFrame } from './decode-frame';
export { type EncodeRequestOptions, encodeRequest, type SparkRequestFrame } from './encode-request';
export { createSparkEngine } from './engine';
export * from './errors';
export { estimateTokens, type TokenEstimator } from './estimate-tokens';
export type { KnownModelId, SparkModelId } from './model-id';
export { type CustomModel, MODELS, type ModelCapabilities, resolveModel, type SparkModel } from './models';
export type { HmacSha256, SignUrlOptions, SparkCredentials } from './sign-url';
export type { SparkConnection, SparkTransport, SparkTransportOptions } from './transport';
export { type TrimHistoryOptions, type TrimHistoryResult, trimHistory } from './trim-history';
export type * from './types';
