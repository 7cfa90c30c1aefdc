import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer as createHttpServer, type IncomingMessage } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { connect, createServer, type Server, type Socket } from 'node:net';
import { type WebSocket as ServerSocket, WebSocketServer } from 'ws';

/** A TCP server on 127.0.0.1 that tracks its open sockets, for asserting that nothing leaks. */
export interface RawServer {
  port: number;
  server: Server;
  openSockets(): number;
  close(): Promise<void>;
}

/**
 * Starts a raw TCP server. `mode: 'silent'` accepts connections and never answers (a handshake
 * that never completes); `mode: 'deaf-websocket'` completes the WebSocket upgrade and then ignores
 * every frame, including the close frame.
 */
export async function startRawServer(mode: 'silent' | 'deaf-websocket'): Promise<RawServer> {
  const sockets = new Set<Socket>();
  const server = createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => {});
    if (mode === 'silent') {
      // Read and discard, so the client's FIN is seen and 'close' fires.
      socket.resume();
      return;
    }
    let head = '';
    const onData = (chunk: Buffer) => {
      head += chunk.toString('latin1');
      if (!head.includes('\r\n\r\n')) return;
      socket.off('data', onData);
      const key = /sec-websocket-key:\s*(\S+)/i.exec(head)?.[1] ?? '';
      const accept = createHash('sha1').update(`${key}258EAFA5-E914-47DA-95CA-C5AB0DC85B11`).digest('base64');
      socket.write(
        `HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Accept: ${accept}\r\n\r\n`,
      );
    };
    socket.on('data', onData);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as AddressInfo).port,
    server,
    openSockets: () => sockets.size,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

export { eventually } from '../../../test-support/eventually';

/** An HTTP `CONNECT` proxy on 127.0.0.1 that records what it was asked for. */
export interface ConnectProxy {
  /** `http://127.0.0.1:<port>`. */
  url: string;
  /** Every `CONNECT` target (`host:port`) in arrival order. */
  targets: string[];
  /** The `Proxy-Authorization` header of each `CONNECT`, `undefined` when absent. */
  authorizations: (string | undefined)[];
  /** Client and tunnel sockets still open. */
  openSockets(): number;
  close(): Promise<void>;
}

/**
 * Starts a `CONNECT` proxy. With `credentials` it answers 407 to a request without the matching
 * Basic `Proxy-Authorization`; with `mode: 'silent'` it never answers a `CONNECT` at all; with `tls`
 * it is an `https://` proxy.
 */
export async function startConnectProxy(
  options: { credentials?: string; mode?: 'tunnel' | 'silent'; tls?: { cert: Buffer; key: Buffer } } = {},
): Promise<ConnectProxy> {
  const sockets = new Set<Socket>();
  const track = (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => {});
  };
  const targets: string[] = [];
  const authorizations: (string | undefined)[] = [];
  const server = options.tls ? createHttpsServer(options.tls) : createHttpServer();
  server.on(options.tls ? 'secureConnection' : 'connection', track);
  server.on('connect', (request: IncomingMessage, client: Socket) => {
    targets.push(request.url ?? '');
    const authorization = request.headers['proxy-authorization'];
    authorizations.push(authorization);
    if (options.mode === 'silent') {
      // Read and discard so the client's FIN is seen; the HTTP server keeps sockets half-open, so
      // close ours when the client leaves.
      client.resume();
      client.on('end', () => client.destroy());
      return;
    }
    if (
      options.credentials !== undefined &&
      authorization !== `Basic ${Buffer.from(options.credentials).toString('base64')}`
    ) {
      client.end('HTTP/1.1 407 Proxy Authentication Required\r\nProxy-Authenticate: Basic\r\n\r\n');
      return;
    }
    const [host = '', port = ''] = (request.url ?? '').split(/:(?=\d+$)/);
    const upstream = connect(Number(port), host.replace(/^\[|\]$/g, ''), () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      upstream.pipe(client);
      client.pipe(upstream);
    });
    track(upstream);
    upstream.on('close', () => client.destroy());
    client.on('close', () => upstream.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `${options.tls ? 'https' : 'http'}://127.0.0.1:${(server.address() as AddressInfo).port}`,
    targets,
    authorizations,
    openSockets: () => sockets.size,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

/** The self-signed certificate (for 127.0.0.1) and key of the TLS test servers. */
export const SELF_SIGNED = {
  cert: readFileSync(new URL('./fixtures/self-signed-cert.pem', import.meta.url)),
  key: readFileSync(new URL('./fixtures/self-signed-key.pem', import.meta.url)),
};

/** A `wss://` server on 127.0.0.1 with the {@link SELF_SIGNED} certificate. */
export interface TlsWebSocketServer {
  /** `wss://127.0.0.1:<port>/v1.1/chat`. */
  url: string;
  close(): Promise<void>;
}

/** Starts a `wss://` server that runs `onConnection` for every client. */
export async function startTlsWebSocketServer(
  onConnection: (socket: ServerSocket) => void,
): Promise<TlsWebSocketServer> {
  const https = createHttpsServer(SELF_SIGNED);
  const webSockets = new WebSocketServer({ server: https });
  webSockets.on('connection', onConnection);
  await new Promise<void>((resolve) => https.listen(0, '127.0.0.1', resolve));
  return {
    url: `wss://127.0.0.1:${(https.address() as AddressInfo).port}/v1.1/chat`,
    close: () =>
      new Promise<void>((resolve) => {
        for (const client of webSockets.clients) client.terminate();
        webSockets.close();
        https.close(() => resolve());
      }),
  };
}
