import { describe, expect, it } from 'vitest';
import {
  SparkAuthError,
  SparkClockSkewError,
  SparkConnectionError,
  SparkContentFilterError,
  SparkServerError,
} from '../errors';
import {
  CREDENTIALS,
  makeClient,
  QUESTION,
  recordingLogger,
  signedDate,
} from '../internal-test-support/client-fixtures';
import type { SignUrlRequest } from '../signing/resolve-signer';
import {
  answerFrames,
  createMemoryTransport,
  errorFrame,
  type MemoryHandler,
  respondWith,
  textFrame,
} from '../testing';
import { createSparkClient } from './client';

const answer = respondWith(answerFrames('成功了'));

/** Fails the first `failures` connections with `fail`, answers the rest. */
function failing(failures: number, fail: MemoryHandler): MemoryHandler {
  return (server) => (server.index < failures ? fail(server) : answer(server));
}

/** A clock that advances one second per reading, so every signature has its own date. */
function tickingClock(start = Date.UTC(2026, 0, 1, 8, 0, 0)) {
  let readings = 0;
  return () => start + 1000 * readings++;
}

describe('retries', () => {
  it('retries retryable failures, re-signing each attempt, until one succeeds', async () => {
    const transport = createMemoryTransport(failing(2, (server) => server.refuse({ status: 503 })));
    const client = makeClient(transport, { now: tickingClock() });

    const result = await client.chat(QUESTION);

    expect(result.text).toBe('成功了');
    expect(transport.connections).toHaveLength(3);
    const dates = transport.connections.map((connection) => signedDate(connection.url));
    expect(new Set(dates).size).toBe(3);
    expect(new Set(transport.connections.map((connection) => connection.url)).size).toBe(3);
    expect(transport.openConnections()).toHaveLength(0);
  });

  it('gives up after maxRetries and rejects with the last error', async () => {
    const transport = createMemoryTransport((server) => server.refuse({ status: 503 }));
    const error = await makeClient(transport)
      .chat(QUESTION)
      .catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(SparkServerError);
    expect(transport.connections).toHaveLength(3);
  });

  it('does not retry with maxRetries 0', async () => {
    const transport = createMemoryTransport((server) => server.refuse({ status: 503 }));
    await expect(makeClient(transport, { maxRetries: 0 }).chat(QUESTION)).rejects.toThrow(SparkServerError);
    expect(transport.connections).toHaveLength(1);
  });

  it('retries retryable error frames, socket failures and truncated streams before any content', async () => {
    const faults: MemoryHandler[] = [
      respondWith([errorFrame(11202, 'rate limited')]),
      (server) => server.fail(),
      respondWith([]),
      async (server) => {
        await server.request;
        server.error();
      },
    ];
    const transport = createMemoryTransport((server) => (faults[server.index] ?? answer)(server));
    const result = await makeClient(transport, { maxRetries: 4 }).chat(QUESTION);

    expect(result.text).toBe('成功了');
    expect(transport.connections).toHaveLength(5);
    expect(transport.openConnections()).toHaveLength(0);
  });

  it('does not retry once content was delivered, even for a retryable error', async () => {
    const transport = createMemoryTransport(
      respondWith([
        textFrame('半句', { status: 0, seq: 0 }),
        errorFrame(10010, 'RecvFromEngineError:Engine Busy'),
      ]),
    );
    const error = await makeClient(transport)
      .chat(QUESTION)
      .catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(SparkServerError);
    expect((error as SparkServerError).retryable).toBe(true);
    expect(transport.connections).toHaveLength(1);
  });

  it('does not retry a truncated stream after content', async () => {
    const transport = createMemoryTransport(respondWith([textFrame('半句', { status: 0, seq: 0 })]));
    await expect(makeClient(transport).chat(QUESTION)).rejects.toThrow(SparkConnectionError);
    expect(transport.connections).toHaveLength(1);
  });

  it('does not retry authentication or moderation failures', async () => {
    const auth = createMemoryTransport((server) =>
      server.refuse({ status: 401, body: '{"message":"HMAC signature does not match"}' }),
    );
    await expect(makeClient(auth).chat(QUESTION)).rejects.toThrow(SparkAuthError);
    expect(auth.connections).toHaveLength(1);

    const moderation = createMemoryTransport(respondWith([errorFrame(10013, 'input refused')]));
    await expect(makeClient(moderation).chat(QUESTION)).rejects.toThrow(SparkContentFilterError);
    expect(moderation.connections).toHaveLength(1);
  });

  it('does not repeat search results held back from a failed attempt', async () => {
    const { searchResultsFrame } = await import('../testing');
    const sources = searchResultsFrame([{ url: 'https://example.com/', title: 'x' }]);
    const transport = createMemoryTransport((server) =>
      respondWith(server.index === 0 ? [sources] : [sources, ...answerFrames('ok')])(server),
    );
    const stream = makeClient(transport).stream(QUESTION);
    const kinds: string[] = [];
    for await (const event of stream) kinds.push(event.type);

    expect(kinds).toEqual(['search-results', 'text-delta', 'usage', 'end']);
    expect(transport.connections).toHaveLength(2);
  });

  it('waits a jittered backoff between attempts and logs it', async () => {
    const logger = recordingLogger();
    const transport = createMemoryTransport(failing(2, (server) => server.refuse({ status: 503 })));
    const client = makeClient(transport, {
      logger,
      retryDelay: { baseDelayMs: 4, maxDelayMs: 6, random: () => 0.5 },
    });

    await client.chat(QUESTION);

    const delays = logger.lines
      .filter((line) => line.message === 'xinghuo: retrying')
      .map((line) => (line.data as { delayMs: number }).delayMs);
    expect(delays).toEqual([2, 3]);
  });

  it('calls the signUrl provider afresh on every attempt', async () => {
    const requests: SignUrlRequest[] = [];
    const transport = createMemoryTransport(failing(2, (server) => server.refuse({ status: 500 })));
    const client = createSparkClient({
      appId: CREDENTIALS.appId,
      transport,
      defaultModel: 'max',
      retryDelay: { baseDelayMs: 1 },
      now: tickingClock(),
      signUrl: async (request) => {
        requests.push(request);
        return `${request.url}?signed=${request.attempt}`;
      },
    });

    await client.chat(QUESTION);

    expect(requests.map((request) => request.attempt)).toEqual([1, 2, 3]);
    expect(requests.every((request) => request.url === 'wss://spark-api.xf-yun.com/v3.5/chat')).toBe(true);
    expect(
      requests.every(
        (request) => request.model.id === 'generalv3.5' && request.signal instanceof AbortSignal,
      ),
    ).toBe(true);
    expect(new Set(requests.map((request) => request.date.getTime())).size).toBe(3);
    expect(transport.connections.map((connection) => connection.url)).toEqual(
      [1, 2, 3].map((attempt) => `wss://spark-api.xf-yun.com/v3.5/chat?signed=${attempt}`),
    );
  });
});

describe('clock skew', () => {
  const localNow = Date.UTC(2026, 0, 1, 8, 0, 0);
  const serverNow = localNow + 10 * 60 * 1000;
  const serverDate = new Date(serverNow).toUTCString();

  /** Refuses any signature dated more than 300 s from the server clock, with the server's Date. */
  const gateway: MemoryHandler = (server) => {
    const signed = Date.parse(signedDate(server.url) ?? '');
    if (Math.abs(signed - serverNow) > 300_000) {
      server.refuse({ status: 403, body: '{"message":"HMAC signature cannot be verified"}', serverDate });
    } else answer(server);
  };

  it('learns the offset from the server Date and retries at once with a corrected date', async () => {
    const transport = createMemoryTransport(gateway);
    const client = makeClient(transport, { now: () => localNow, maxRetries: 1 });

    const result = await client.chat(QUESTION);

    expect(result.text).toBe('成功了');
    expect(transport.connections).toHaveLength(2);
    expect(signedDate(transport.connections[1]!.url)).toBe(serverDate);
  });

  it('does not count the clock correction toward maxRetries', async () => {
    const transport = createMemoryTransport((server) => {
      if (server.index === 1) server.refuse({ status: 503 });
      else gateway(server);
    });
    const client = makeClient(transport, { now: () => localNow, maxRetries: 1 });

    expect((await client.chat(QUESTION)).text).toBe('成功了');
    expect(transport.connections).toHaveLength(3);
  });

  it('keeps the learned offset for the next request, even when retries are off', async () => {
    const transport = createMemoryTransport(gateway);
    const client = makeClient(transport, { now: () => localNow, maxRetries: 0 });

    const error = await client.chat(QUESTION).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(SparkClockSkewError);
    expect((error as SparkClockSkewError).serverDate).toBe(serverDate);

    expect((await client.chat(QUESTION)).text).toBe('成功了');
    expect(transport.connections).toHaveLength(2);
  });

  it('retries a skew rejection without a server date only once', async () => {
    const transport = createMemoryTransport((server) => server.refuse({ status: 403 }));
    const error = await makeClient(transport, { maxRetries: 5 })
      .chat(QUESTION)
      .catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(SparkClockSkewError);
    expect(transport.connections).toHaveLength(2);
  });
});
