/**
 * `@xinghuo/core/websocket`: the WebSocket wire format for tools that read or write Spark frames
 * themselves (a mock server, a proxy, a benchmark): the request encoder and the frame decoder. Apps use
 * `@xinghuo/core` (or a platform package); transport authors use `@xinghuo/core/transport`. An entry of
 * its own because the engine loads these with `import()` on the first WebSocket request: a static path
 * to them from the transport entry would put them in every page's first download.
 *
 * @packageDocumentation
 */
export { type DecodedFrame, type DecodeFrameOptions, decodeFrame } from './protocol/websocket/decode-frame';
export {
  type EncodeRequestOptions,
  encodeRequest,
  type SparkRequestFrame,
} from './protocol/websocket/encode-request';
