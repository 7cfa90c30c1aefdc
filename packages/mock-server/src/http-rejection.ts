import type { Duplex } from 'node:stream';
import { type HandshakeRejection, statusText } from './auth/gateway-responses.js';

/**
 * Writes a refused upgrade as a complete HTTP/1.1 response (status line, `Date`, JSON body) and closes
 * the socket, like the gateway does before any WebSocket frame exists.
 */
export function writeHttpRejection(socket: Duplex, rejection: HandshakeRejection, now: Date): void {
  const body =
    typeof rejection.body === 'string' ? rejection.body : JSON.stringify(rejection.body ?? { message: '' });
  const headers: Record<string, string> = {
    Date: now.toUTCString(),
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': String(Buffer.byteLength(body)),
    Connection: 'close',
    ...rejection.headers,
  };
  const head = Object.entries(headers)
    .map(([name, value]) => `${name}: ${value}`)
    .join('\r\n');
  socket.once('finish', () => socket.destroy());
  socket.end(`HTTP/1.1 ${rejection.status} ${statusText(rejection.status)}\r\n${head}\r\n\r\n${body}`);
}
