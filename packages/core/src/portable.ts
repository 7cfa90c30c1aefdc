/**
 * `@xinghuo/core/portable`: all of `@xinghuo/core` except the credential signer (`signUrl`) and the
 * `createSparkClient` built on it. Nothing here reaches the HMAC code, so a bundle that starts from this
 * entry (the browser package) can load the signer later with `import('@xinghuo/core/sign-url')` and
 * keep it out of the page's first download.
 *
 * @packageDocumentation
 */

export { ChatStream, type ChatStreamOptions, type ChatStreamRunner } from './client/chat-stream';
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
export { createSparkEngine } from './client/engine';
export * from './errors';
export { AsyncQueue } from './exchange/async-queue';
export { DEFAULT_TIMEOUTS } from './exchange/deadlines';
export { estimateTokens, type TokenEstimator } from './history/estimate-tokens';
export { type TrimHistoryOptions, type TrimHistoryResult, trimHistory } from './history/trim-history';
export {
  type CustomModel,
  type HttpEndpoint,
  MODELS,
  type ModelCapabilities,
  resolveModel,
  type SparkModel,
} from './models/models';
export {
  type EncodeHttpRequestOptions,
  encodeHttpRequest,
  type HttpRequestBody,
  type HttpWireMessage,
} from './protocol/http/encode-http-request';
export { withHttpBaseURL } from './protocol/http/http-base-url';
export type { SparkFetch } from './protocol/http/open-http';
export { readServerSentEvents } from './protocol/http/read-server-sent-events';
export type { ServerSentEvent } from './protocol/http/sse-parser';
export { withBaseURL } from './protocol/websocket/base-url';
export { type DecodedFrame, decodeFrame } from './protocol/websocket/decode-frame';
export {
  type EncodeRequestOptions,
  encodeRequest,
  type SparkRequestFrame,
} from './protocol/websocket/encode-request';
export type { SparkConnection, SparkTransport, SparkTransportOptions } from './protocol/websocket/transport';
export type { HmacSha256, SignUrlOptions, SparkCredentials } from './signing/sign-url';
export type * from './types';
