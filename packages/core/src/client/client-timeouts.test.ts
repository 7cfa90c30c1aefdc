import { describe, expect, it, vi } from 'vitest';
import { SparkTimeoutError, type TimeoutPhase } from '../errors';
import { CREDENTIALS, makeClient, QUESTION } from '../internal-test-support/client-fixtures';
import { answerFrames, createMemoryTransport, respondWith, searchResultsFrame, textFrame } from '../testing';
import { createSparkClient } from './client';

// Deadlines are tens of milliseconds so the suite stays fast; the assertions are on which deadline
// fired and what was cleaned up, never on how long anything took.
const SHORT = { connectMs: 60_000, firstTokenMs: 60_000, idleMs: 60_000, totalMs: 0 };

// The connect deadline covers signing too. WebCrypto signing can outlast a 30 ms deadline on a busy
// machine, so the connect tests sign with a provider that answers at once: the deadline then always
// expires while the handshake hangs, which is the path under test.
const INSTANT_SIGNER = {
  apiKey: undefined,
  apiSecret: undefined,
  signUrl: async ({ url }: { url: string }) => url,
};

async function expectTimeout(promise: Promise<unknown>, phase: TimeoutPhase): Promise<SparkTimeoutError> {
  const error = await promise.then(
    () => {
      throw new Error('expected a timeout');
    },
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(SparkTimeoutError);
  expect((error as SparkTimeoutError).phase).toBe(phase);
  return error as SparkTimeoutError;
}

describe('deadlines', () => {
  it('times out a handshake that never completes (connect) and abandons it', async () => {
    const transport = createMemoryTransport((server) => server.hang());
    const client = makeClient(transport, {
      ...INSTANT_SIGNER,
      maxRetries: 0,
      timeouts: { ...SHORT, connectMs: 30 },
    });

    const error = await expectTimeout(client.chat(QUESTION), 'connect');

    expect(error.timeoutMs).toBe(30);
    expect(error.retryable).toBe(true);
    expect(transport.connections[0]?.state).toBe('aborted');
    expect(transport.openConnections()).toHaveLength(0);
  });

  it('closes a socket that opens only after the connect deadline', async () => {
    const transport = createMemoryTransport((server) => server.hang());
    // A transport that ignores its abort signal, like a platform that cannot cancel a handshake.
    const stubborn = (url: string) => transport(url, {});
    const client = makeClient(stubborn, {
      ...INSTANT_SIGNER,
      maxRetries: 0,
      timeouts: { ...SHORT, connectMs: 20 },
    });

    await expectTimeout(client.chat(QUESTION), 'connect');
    // The handshake completes only now, after the deadline: the client must close the late socket.
    transport.connections[0]!.accept();
    await transport.connections[0]!.clientClosed;

    expect(transport.openConnections()).toHaveLength(0);
  });

  it('counts a slow signUrl provider against the connect deadline', async () => {
    const transport = createMemoryTransport(respondWith(answerFrames('never')));
    const client = createSparkClient({
      appId: CREDENTIALS.appId,
      transport,
      defaultModel: 'lite',
      maxRetries: 0,
      timeouts: { ...SHORT, connectMs: 20 },
      signUrl: () => new Promise<string>(() => {}),
    });

    await expectTimeout(client.chat(QUESTION), 'connect');
    expect(transport.connections).toHaveLength(0);
  });

  it('times out when no frame arrives after the request (first-token) and closes the socket', async () => {
    const transport = createMemoryTransport(() => {});
    const client = makeClient(transport, { maxRetries: 0, timeouts: { ...SHORT, firstTokenMs: 30 } });

    await expectTimeout(client.chat(QUESTION), 'first-token');

    expect(transport.connections[0]?.clientCloseCode).toBe(1000);
    expect(transport.openConnections()).toHaveLength(0);
  });

  it('keeps the first-token deadline running across frames without content', async () => {
    const transport = createMemoryTransport(async (server) => {
      await server.request;
      server.send(searchResultsFrame([{ url: 'https://example.com/', title: 'x' }]));
    });
    const client = makeClient(transport, { maxRetries: 0, timeouts: { ...SHORT, firstTokenMs: 40 } });

    await expectTimeout(client.chat(QUESTION), 'first-token');
  });

  it('times out a stream that stalls between frames (idle) and closes the socket', async () => {
    const transport = createMemoryTransport(async (server) => {
      await server.request;
      server.send(textFrame('开始', { status: 0, seq: 0 }));
    });
    const client = makeClient(transport, { timeouts: { ...SHORT, idleMs: 30 } });
    const stream = client.stream(QUESTION);
    const texts: string[] = [];

    const error = await expectTimeout(
      (async () => {
        for await (const text of stream.textStream) texts.push(text);
      })(),
      'idle',
    );

    expect(texts).toEqual(['开始']);
    expect(error.timeoutMs).toBe(30);
    // Content was delivered, so the idle timeout is not retried even with retries left.
    expect(transport.connections).toHaveLength(1);
    expect(transport.openConnections()).toHaveLength(0);
  });

  it('bounds the whole exchange (total), which is not retryable', async () => {
    const transport = createMemoryTransport(async (server) => {
      await server.request;
      // A frame on every turn of the event loop, forever: neither first-token nor idle ever fires.
      for (let seq = 0; !server.closed; seq += 1) {
        server.send(textFrame('.', { status: seq === 0 ? 0 : 1, seq }));
        await new Promise((resolve) => setImmediate(resolve));
      }
    });
    const client = makeClient(transport, { timeouts: { ...SHORT, totalMs: 60 } });

    const error = await expectTimeout(client.chat(QUESTION), 'total');

    expect(error.retryable).toBe(false);
    expect(transport.openConnections()).toHaveLength(0);
  });

  it('retries a first-token timeout when nothing was delivered yet', async () => {
    const transport = createMemoryTransport((server) => {
      if (server.index > 0) respondWith(answerFrames('第二次成功'))(server);
    });
    const client = makeClient(transport, { maxRetries: 1, timeouts: { ...SHORT, firstTokenMs: 30 } });

    const result = await client.chat(QUESTION);

    expect(result.text).toBe('第二次成功');
    expect(transport.connections).toHaveLength(2);
    expect(transport.openConnections()).toHaveLength(0);
  });

  it('switches a deadline off with 0', async () => {
    let answer!: () => void;
    const answerNow = new Promise<void>((resolve) => {
      answer = resolve;
    });
    const transport = createMemoryTransport(async (server) => {
      await server.request;
      await answerNow;
      for (const frame of answerFrames('慢但完整')) server.send(frame);
      server.close();
    });
    const client = makeClient(transport, {
      maxRetries: 0,
      timeouts: { connectMs: 0, firstTokenMs: 0, idleMs: 0, totalMs: 0 },
    });

    vi.useFakeTimers();
    try {
      const pending = client.chat(QUESTION);
      await (await transport.connectionAt(0)).request;
      // A day passes on the fake clock before the answer: no deadline may fire meanwhile.
      await vi.advanceTimersByTimeAsync(24 * 60 * 60 * 1000);
      answer();
      expect((await pending).text).toBe('慢但完整');
    } finally {
      vi.useRealTimers();
    }
  });
});
