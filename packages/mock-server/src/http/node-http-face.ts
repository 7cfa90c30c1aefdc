import type { IncomingMessage, ServerResponse } from 'node:http';
import type { MockSparkEngine } from '../engine.js';
import { ChatCompletionsExchange } from './chat-completions-exchange.js';
import type { HttpResponseSink } from './http-response-sink.js';

/** The largest request body the mock reads (10 MiB); a larger one is answered 413. */
const MAX_BODY_BYTES = 10 * 1024 * 1024;

/**
 * Serves one `POST …/chat/completions` on the Node server the WebSocket face listens on: reads the
 * body, then runs the engine's HTTP exchange over the `ServerResponse`.
 */
export function serveNodeChatCompletions(
  engine: MockSparkEngine,
  request: IncomingMessage,
  response: ServerResponse,
  path: string,
): void {
  const date = () => engine.now().toUTCString();
  if (request.method !== 'POST') {
    const body = JSON.stringify({ message: 'Method Not Allowed' });
    response.writeHead(405, {
      Date: date(),
      Allow: 'POST',
      'Content-Type': 'application/json; charset=utf-8',
    });
    response.end(body);
    return;
  }
  const chunks: Buffer[] = [];
  let size = 0;
  request.on('data', (chunk: Buffer) => {
    size += chunk.length;
    if (size <= MAX_BODY_BYTES) chunks.push(chunk);
  });
  request.on('error', () => response.destroy());
  request.on('end', () => {
    if (size > MAX_BODY_BYTES) {
      response.writeHead(413, { Date: date(), 'Content-Type': 'application/json; charset=utf-8' });
      response.end(JSON.stringify({ message: 'Request Entity Too Large' }));
      return;
    }
    const sink: HttpResponseSink = {
      respond(status, headers, body) {
        response.writeHead(status, {
          Date: date(),
          'Content-Length': String(Buffer.byteLength(body)),
          ...headers,
        });
        response.end(body);
      },
      open(status, headers) {
        response.writeHead(status, { Date: date(), ...headers });
        response.flushHeaders();
      },
      write: (text) => response.write(text),
      end: () => response.end(),
      // Closing the socket mid-body (after what was written is flushed, without the final chunk) is
      // what a client sees when the service's connection breaks.
      destroy() {
        const socket = response.socket;
        if (socket === null) return;
        socket.once('finish', () => socket.destroy());
        socket.end();
      },
    };
    const exchange = new ChatCompletionsExchange(engine, sink);
    response.once('close', () => exchange.handleClose());
    const host = request.headers.host ?? '';
    void exchange.run({
      path,
      url: `http://${host}${request.url ?? path}`,
      authorization: request.headers.authorization,
      body: Buffer.concat(chunks).toString('utf8'),
    });
  });
}
