/**
 * `@xinghuo/core/transport`: what only the authors of a transport (a platform's WebSocket adapter) or
 * of tools that speak the wire format need: the frame queue, `onAbort`, the request encoder and frame decoder,
 * the base-URL rewrite and the handshake-error mapping. Apps use `@xinghuo/core` (or a platform
 * package) instead.
 *
 * @packageDocumentation
 */
export { onAbort } from './exchange/abort';
export { AsyncQueue } from './exchange/async-queue';
export {
  type EncodeHttpRequestOptions,
  encodeHttpRequest,
  type HttpRequestBody,
  type HttpWireMessage,
} from './protocol/http/encode-http-request';
export { withHttpBaseURL } from './protocol/http/http-base-url';
export { readServerSentEvents } from './protocol/http/read-server-sent-events';
export type { ServerSentEvent } from './protocol/http/sse-parser';
export { withBaseURL } from './protocol/websocket/base-url';
export { type DecodedFrame, type DecodeFrameOptions, decodeFrame } from './protocol/websocket/decode-frame';
export {
  type EncodeRequestOptions,
  encodeRequest,
  type SparkRequestFrame,
} from './protocol/websocket/encode-request';
export { errorFromHandshake, type HandshakeFailure } from './protocol/websocket/from-handshake';
export type { SparkConnection, SparkTransport, SparkTransportOptions } from './protocol/websocket/transport';
