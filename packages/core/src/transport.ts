/**
 * `@xinghuo/core/transport`: what only the authors of a transport (a platform's WebSocket adapter)
 * need: the frame queue, `onAbort`, the base-URL rewrite and the handshake-error mapping. Apps use
 * `@xinghuo/core` (or a platform package) instead; tools that read or write Spark frames use
 * `@xinghuo/core/websocket`.
 *
 * @packageDocumentation
 */
export { onAbort } from './exchange/abort';
export { AsyncQueue, type QueueListener } from './exchange/async-queue';
// The HTTP protocol's encoder and SSE reader are not re-exported here: a static path to them would put
// them in every bundle, where the engine loads them only on the first HTTP request.
export type {
  EncodeHttpRequestOptions,
  HttpRequestBody,
  HttpWireMessage,
} from './protocol/http/encode-http-request';
export { withBaseURL } from './protocol/websocket/base-url';
// Nor are the WebSocket encoder and decoder, for the same reason: they are on `@xinghuo/core/websocket`.
export { errorFromHandshake, type HandshakeFailure } from './protocol/websocket/from-handshake';
export type { SparkConnection, SparkTransport, SparkTransportOptions } from './protocol/websocket/transport';
