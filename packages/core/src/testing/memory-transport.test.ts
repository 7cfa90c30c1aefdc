import { describe, expect, it } from 'vitest';
import {
  SparkAbortError,
  SparkAuthError,
  SparkClockSkewError,
  SparkConnectionError,
  SparkRateLimitError,
} from '../errors';
import type { SparkConnection } from '../protocol/websocket/transport';
import { answerFrames } from './frames';
import { createMemoryTransport, respondWith } from './memory-transport';

async function readAll(connection: SparkConnection): Promise<string[]> {
  const frames: string[] = [];
  for await (const frame of connection.messages()) frames.push(frame);
  return frames;
}

describe('createMemoryTransport', () => {
  it('opens a connection, hands the parsed request to the handler and streams its frames', async () => {
    const transport = createMemoryTransport(async (server) => {
      const request = await server.request;
      server.send({ echo: request.header.app_id });
      server.send('raw text');
      server.close();
    });
    const connection = await transport('wss://example.test/v1.1/chat?x=1', {});
    connection.send(JSON.stringify({ header: { app_id: 'app' } }));

    expect(await readAll(connection)).toEqual(['{"echo":"app"}', 'raw text']);
    expect(transport.connections[0]).toMatchObject({
      url: 'wss://example.test/v1.1/chat?x=1',
      serverCloseCode: 1000,
      closed: true,
    });
    expect(transport.connections[0]?.received).toHaveLength(1);
  });

  it('records the client close and ends a pending read', async () => {
    const transport = createMemoryTransport(() => {});
    const connection = await transport('wss://example.test/', {});
    const reading = readAll(connection);
    connection.close(1000);
    connection.close(4000);

    expect(await reading).toEqual([]);
    expect(transport.connections[0]?.clientCloseCode).toBe(1000);
    expect(await transport.connections[0]?.clientClosed).toBe(1000);
    expect(transport.openConnections()).toHaveLength(0);
    expect(() => connection.send('late')).toThrow(SparkConnectionError);
  });

  it('refuses handshakes with the typed errors of their HTTP status', async () => {
    const transport = createMemoryTransport((server) =>
      server.index === 0
        ? server.refuse({ status: 401, body: '{"message":"HMAC signature does not match"}' })
        : server.refuse({ status: 403, serverDate: 'Wed, 25 Nov 2026 08:00:00 GMT' }),
    );
    await expect(transport('wss://example.test/', {})).rejects.toThrow(SparkAuthError);
    await expect(transport('wss://example.test/', {})).rejects.toMatchObject({
      constructor: SparkClockSkewError,
      serverDate: 'Wed, 25 Nov 2026 08:00:00 GMT',
    });
    expect(transport.connections.map((connection) => connection.state)).toEqual(['refused', 'refused']);
  });

  it('fails handshakes with the given SparkError or a connection error', async () => {
    const limited = new SparkRateLimitError('busy');
    const transport = createMemoryTransport((server) =>
      server.index === 0 ? server.fail(limited) : server.fail(),
    );
    await expect(transport('wss://example.test/', {})).rejects.toBe(limited);
    await expect(transport('wss://example.test/', {})).rejects.toThrow(SparkConnectionError);
  });

  it('leaves a hung handshake pending until aborted, or accepts it later', async () => {
    const transport = createMemoryTransport((server) => server.hang());
    const controller = new AbortController();
    const pending = transport('wss://example.test/', { signal: controller.signal });
    expect(transport.openConnections()).toHaveLength(1);
    controller.abort();
    await expect(pending).rejects.toThrow(SparkAbortError);
    expect(transport.connections[0]?.state).toBe('aborted');

    const slow = createMemoryTransport((server) => server.hang());
    const later = slow('wss://example.test/', {});
    expect(slow.connections[0]?.state).toBe('connecting');
    slow.connections[0]?.accept();
    await expect(later).resolves.toBeDefined();
    expect(slow.connections[0]?.state).toBe('open');
  });

  it('rejects at once for an already aborted signal', async () => {
    const transport = createMemoryTransport(() => {});
    await expect(transport('wss://example.test/', { signal: AbortSignal.abort() })).rejects.toThrow(
      SparkAbortError,
    );
    expect(transport.connections[0]?.state).toBe('aborted');
  });

  it('fails the read after the frames already sent when the socket errors', async () => {
    const transport = createMemoryTransport(async (server) => {
      await server.request;
      server.send('one');
      server.error();
    });
    const connection = await transport('wss://example.test/', {});
    connection.send('{}');
    const frames: string[] = [];
    await expect(
      (async () => {
        for await (const frame of connection.messages()) frames.push(frame);
      })(),
    ).rejects.toThrow(SparkConnectionError);
    expect(frames).toEqual(['one']);
    expect(transport.connections[0]?.serverCloseCode).toBe(1006);
  });

  it('records a handler error and closes the socket with 1011', async () => {
    const transport = createMemoryTransport(async (server) => {
      await server.request;
      throw new Error('script bug');
    });
    const connection = await transport('wss://example.test/', {});
    connection.send('{}');
    expect(await readAll(connection)).toEqual([]);
    expect(transport.connections[0]?.serverCloseCode).toBe(1011);
    expect((transport.connections[0]!.handlerError as Error).message).toBe('script bug');

    const throwing = createMemoryTransport(() => {
      throw new Error('sync bug');
    });
    await expect(throwing('wss://example.test/', {})).rejects.toThrow(SparkConnectionError);
  });

  it('answers every connection the same way with respondWith', async () => {
    const transport = createMemoryTransport(
      respondWith(answerFrames('ab', { chunkSize: 1 }), { delayMs: 1 }),
    );
    for (let round = 0; round < 2; round += 1) {
      const connection = await transport('wss://example.test/', {});
      connection.send('{}');
      expect(await readAll(connection)).toHaveLength(2);
    }
    expect(transport.connections).toHaveLength(2);
  });
});
