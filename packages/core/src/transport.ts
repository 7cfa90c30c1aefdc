/**
 * `@xinghuo/core/transport`: what only the authors of a transport (a platform's WebSocket adapter) or
 * of tools that speak the wire format need: the frame queue, `onAbort`, the request encoder and frame decoder,
 * the base-URL rewrite and the handshake-error mapping. Apps use `@xinghuo/core` (or a platform
 * package) instead.
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
export { type DecodedFrame, type DecodeFrameOptions, decodeFrame } from './protocol/websocket/decode-frame';
export {
  type EncodeRequestOptions,
  encodeRequest,
  type SparkRequestFrame,
} from './protocol/websocket/encode-request';
export { errorFromHandshake, type HandshakeFailure } from './protocol/websocket/from-handshake';
export type { SparkConnection, SparkTransport, SparkTransportOptions } from './protocol/websocket/transport';
