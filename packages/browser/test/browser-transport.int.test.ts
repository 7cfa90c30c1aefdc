import { createServer, type Server } from 'node:net';
import { SparkAbortError, SparkConfigError, type SparkConnection, SparkConnectionError } from '@xinghuo/core';
import { afterEach, describe, expect, it } from 'vitest';
import { WebSocket, WebSocketServer } from 'ws';
import { createBrowserTransport } from '../src/browser-transport';

const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  await Promise.all(closers.splice(0).map((close) => close()));
});

/** A real `ws` server on a loopback port; `onConnection` scripts what it does with each socket. */
async function startServer(
  onConnection: (socket: import('ws').WebSocket) => void,
  verifyClient?: (info: unknown, done: (accept: boolean, status?: number) => void) => void,
): Promise<{ url: string; server: WebSocketServer }> {
  const server = new WebSocketServer({
    host: '127.0.0.1',
    port: 0,
    ...(verifyClient ? { verifyClient } : {}),
  });
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  server.on('connection', onConnection);
  closers.push(
    () =>
      new Promise<void>((resolve) => {
        for (const client of server.clients) client.terminate();
        server.close(() => resolve());
      }),
  );
  const { port } = server.address() as { port: number };
  return { url: `ws://127.0.0.1:${port}/v1.1/chat?authorization=c2VjcmV0&date=now`, server };
}

/**
 * A TCP server that accepts connections and never answers: a handshake that hangs. `connected`
 * resolves once the first connection is accepted, so a test can act while the handshake is pending.
 */
async function startSilentServer(): Promise<{ url: string; connected: Promise<void> }> {
  const sockets = new Set<import('node:net').Socket>();
  let accepted = () => {};
  const connected = new Promise<void>((resolve) => {
    accepted = resolve;
  });
  const server: Server = createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    accepted();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  closers.push(
    () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  );
  const { port } = server.address() as { port: number };
  return { url: `ws://127.0.0.1:${port}/v1.1/chat`, connected };
}

async function collect(connection: SparkConnection): Promise<string[]> {
  const frames: string[] = [];
  for await (const frame of connection.messages()) frames.push(frame);
  return frames;
}

const transport = createBrowserTransport({ WebSocket });

describe('createBrowserTransport', () => {
  it('sends a text frame and yields every reply in order until the server closes', async () => {
    const { url } = await startServer((socket) => {
      socket.on('message', (data) => {
        socket.send(`echo:${String(data)}`);
        socket.send('second');
        socket.close(1000);
      });
    });
    const connection = await transport(url, {});
    connection.send('hello');
    expect(await collect(connection)).toEqual(['echo:hello', 'second']);
  });

  it('decodes binary frames as UTF-8 text', async () => {
    const { url } = await startServer((socket) => {
      socket.send(new TextEncoder().encode('{"text":"星火"}'), { binary: true });
      socket.close(1000);
    });
    const connection = await transport(url, {});
    expect(await collect(connection)).toEqual(['{"text":"星火"}']);
  });

  it('keeps frames that arrive before messages() is called', async () => {
    let serverClosed: Promise<void> | undefined;
    const { url } = await startServer((socket) => {
      serverClosed = new Promise((resolve) => socket.on('close', () => resolve()));
      socket.send('early');
      socket.close(1000);
    });
    const connection = await transport(url, {});
    // The server's socket closes only after the client answered its close frame, which follows
    // 'early' on the wire: by then the frame has reached the transport, before anyone reads.
    await serverClosed;
    expect(await collect(connection)).toEqual(['early']);
  });

  it('ends messages() at once on close() and tolerates repeated and unusual close calls', async () => {
    let serverSawClose: Promise<number> | undefined;
    const { url } = await startServer((socket) => {
      serverSawClose = new Promise((resolve) => socket.on('close', (code) => resolve(code)));
    });
    const connection = await transport(url, {});
    const reading = collect(connection);
    connection.close(1000, 'done');
    connection.close();
    connection.close(1006, 'x'.repeat(500));
    expect(await reading).toEqual([]);
    expect(await serverSawClose).toBe(1000);
  });

  it('throws a typed error from send() once the socket is closed', async () => {
    const { url } = await startServer(() => {});
    const connection = await transport(url, {});
    connection.close();
    expect(() => connection.send('late')).toThrow(SparkConnectionError);
  });

  it('rejects a refused handshake with a SparkConnectionError that names the likely causes', async () => {
    const { url } = await startServer(
      () => {},
      (_info, done) => done(false, 401),
    );
    const error = await transport(url, {}).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(SparkConnectionError);
    const message = (error as Error).message;
    expect(message).toMatch(/handshake/i);
    expect(message).toMatch(/sign/i);
    expect(message).toMatch(/clock/i);
    expect(message).toMatch(/origin/i);
    expect(message).not.toContain('c2VjcmV0');
  });

  it('rejects with SparkAbortError without dialling when the signal is already aborted', async () => {
    let connections = 0;
    const { url } = await startServer(() => {
      connections += 1;
    });
    const error = await transport(url, { signal: AbortSignal.abort() }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(SparkAbortError);
    expect((error as Error).name).toBe('AbortError');
    expect(connections).toBe(0);
  });

  it('rejects with SparkAbortError when aborted during a handshake that hangs', async () => {
    const { url, connected } = await startSilentServer();
    const controller = new AbortController();
    const opening = transport(url, { signal: controller.signal });
    await connected;
    controller.abort();
    await expect(opening).rejects.toBeInstanceOf(SparkAbortError);
  });

  it('closes the socket and ends messages() when aborted after opening', async () => {
    let serverSawClose: Promise<void> | undefined;
    const { url } = await startServer((socket) => {
      serverSawClose = new Promise((resolve) => socket.on('close', () => resolve()));
      socket.send('first');
    });
    const controller = new AbortController();
    const connection = await transport(url, { signal: controller.signal });
    const frames: string[] = [];
    const reading = (async () => {
      for await (const frame of connection.messages()) {
        frames.push(frame);
        controller.abort();
      }
    })();
    await expect(reading).rejects.toBeInstanceOf(SparkAbortError);
    expect(frames).toEqual(['first']);
    await serverSawClose;
  });

  it('ends messages() after the received frames when the server drops the connection', async () => {
    let drop = () => {};
    const { url } = await startServer((socket) => {
      drop = () => socket.terminate();
      socket.send('partial');
    });
    const connection = await transport(url, {});
    // The server drops the connection once the client holds the frame, so the frame cannot go down with it.
    // A dropped TCP connection is an abnormal close (1006): the engine sees the end without a final frame.
    const frames: string[] = [];
    for await (const frame of connection.messages()) {
      frames.push(frame);
      drop();
    }
    expect(frames).toEqual(['partial']);
  });

  it('rejects with SparkConfigError when the runtime has no global WebSocket and none is given', async () => {
    // Node 20 without --experimental-websocket has no global WebSocket (this test project runs without it).
    expect('WebSocket' in globalThis).toBe(false);
    await expect(createBrowserTransport()('ws://127.0.0.1:1/', {})).rejects.toBeInstanceOf(SparkConfigError);
  });

  it('rejects with SparkConnectionError, without quoting the URL, when the constructor throws', async () => {
    const error = await transport('not a url authorization=c2VjcmV0', {}).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(SparkConnectionError);
    expect((error as Error).message).not.toContain('c2VjcmV0');
  });
});
