/**
 * The WebSocket protocol's part of the engine, in one module that the engine loads with a dynamic
 * `import()` on the first WebSocket request, as it loads the HTTP protocol on the first HTTP one: a
 * page's first download carries neither protocol. Here: the frame encoder and its checks, the socket
 * opener and the frame decoder.
 */
export { encodeRequest, encodeRequestText } from './encode-request';
export { openWebSocket } from './open-websocket';
export { validateMessages } from './validate-request';
