/**
 * @xinghuo/core: the transport-agnostic protocol core of the xinghuo SDK for iFlytek Spark (讯飞星火).
 *
 * No I/O of its own, no `node:*`, no DOM globals: WebCrypto, `TextEncoder` and timers only, so it runs
 * in Node ≥ 20, browsers, workers and edge runtimes. Platform packages add a transport.
 *
 * @packageDocumentation
 */
export { withBaseURL } from './base-url';
export { ChatStream, type ChatStreamOptions, type ChatStreamRunner } from './chat-stream';
export {
  createSparkClient,
  type HistoryTrimmer,
  type RetryDelayOptions,
  type SignUrlProvider,
  type SignUrlRequest,
  type SparkClient,
  type SparkClientOptions,
  type SparkEngineOptions,
  type SparkTimeouts,
} from './client';
export { DEFAULT_TIMEOUTS } from './deadlines';
export { type DecodedFrame, decodeFrame } from './decode-frame';
export { type EncodeRequestOptions, encodeRequest, type SparkRequestFrame } from './encode-request';
export { createSparkEngine } from './engine';
export * from './errors';
export { estimateTokens, type TokenEstimator } from './estimate-tokens';
export { type CustomModel, MODELS, type ModelCapabilities, resolveModel, type SparkModel } from './models';
export { type SignUrlOptions, type SparkCredentials, signUrl } from './sign-url';
export type { SparkConnection, SparkTransport, SparkTransportOptions } from './transport';
export { type TrimHistoryOptions, type TrimHistoryResult, trimHistory } from './trim-history';
export type * from './types';
