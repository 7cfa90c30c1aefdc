import { describe, expect, it } from 'vitest';
import { SparkAbortError, type SparkError } from '../errors';
import { CREDENTIALS, makeClient, QUESTION } from '../internal-test-support/client-fixtures';
import {
  answerFrames,
  createMemoryTransport,
  type MemoryServerConnection,
  respondWith,
  textFrame,
} from '../testing';
import { createSparkClient } from './client';

/** A server that sends one text frame and then stays silent until the client leaves. */
function firstFrameThenSilence(onConnection?: (server: MemoryServerConnection) => void) {
  return createMemoryTransport(async (server) => {
    onConnection?.(server);
    await server.request;
    server.send(textFrame('第一段', { status: 0, seq: 0 }));
  });
}

async function expectAbortError(promise: Promise<unknown>): Promise<SparkError> {
  const error = await promise.then(
    () => {
      throw new Error('expected the promise to reject');
    },
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(SparkAbortError);
  expect((error as Error).name).toBe('AbortError');
  return error as SparkError;
}

describe('abort', () => {
  it('rejects at once and opens no socket when the signal is already aborted', async () => {
    const transport = createMemoryTransport(respondWith(answerFrames('never')));
    const controller = new AbortController();
    controller.abort('user left');

    const error = await expectAbortError(makeClient(transport).chat(QUESTION, { signal: controller.signal }));

    expect(error.cause).toBe('user left');
    expect(transport.connections).toHaveLength(0);
  });

  it('settles while the signUrl provider is still working and aborts its signal', async () => {
    const transport = createMemoryTransport(respondWith(answerFrames('never')));
    let providerCalled!: (signal: AbortSignal | undefined) => void;
    const providerSignal = new Promise<AbortSignal | undefined>((resolve) => {
      providerCalled = resolve;
    });
    const client = createSparkClient({
      appId: CREDENTIALS.appId,
      transport,
      defaultModel: 'lite',
      signUrl: ({ signal }) => {
        providerCalled(signal);
        return new Promise<string>(() => {});
      },
    });
    const controller = new AbortController();
    const pending = client.chat(QUESTION, { signal: controller.signal });
    const signal = await providerSignal;
    controller.abort();

    await expectAbortError(pending);
    expect(signal?.aborted).toBe(true);
    expect(transport.connections).toHaveLength(0);
  });

  it('settles while connecting and leaves no socket behind', async () => {
    const transport = createMemoryTransport((server) => server.hang());
    const controller = new AbortController();
    const pending = makeClient(transport).chat(QUESTION, { signal: controller.signal });
    await transport.connectionAt(0);
    expect(transport.connections).toHaveLength(1);
    controller.abort();

    await expectAbortError(pending);
    expect(transport.connections[0]?.state).toBe('aborted');
    expect(transport.openConnections()).toHaveLength(0);
  });

  it('settles mid-stream, fails the pending read and closes the socket', async () => {
    const transport = firstFrameThenSilence();
    const controller = new AbortController();
    const stream = makeClient(transport).stream(QUESTION, { signal: controller.signal });
    const iterator = stream[Symbol.asyncIterator]();

    expect(await iterator.next()).toEqual({ value: { type: 'text-delta', text: '第一段' }, done: false });
    const pendingRead = iterator.next();
    controller.abort();

    await expectAbortError(pendingRead);
    await expectAbortError(stream.finalResult());
    expect(transport.connections[0]?.clientCloseCode).toBe(1000);
    expect(transport.openConnections()).toHaveLength(0);
  });

  it('aborts through stream.abort() with the reason as cause', async () => {
    const transport = firstFrameThenSilence();
    const stream = makeClient(transport).stream(QUESTION);
    const iterator = stream[Symbol.asyncIterator]();
    await iterator.next();

    stream.abort('stop button');
    expect(transport.connections[0]?.clientCloseCode).toBe(1000);

    const error = await expectAbortError(iterator.next());
    expect(error.cause).toBe('stop button');
    expect(transport.openConnections()).toHaveLength(0);
  });

  it('closes the socket when the consumer breaks out of for await', async () => {
    const transport = firstFrameThenSilence();
    const stream = makeClient(transport).stream(QUESTION);

    for await (const event of stream) {
      expect(event.type).toBe('text-delta');
      break;
    }

    expect(transport.connections[0]?.clientCloseCode).toBe(1000);
    expect(transport.openConnections()).toHaveLength(0);
    await expectAbortError(stream.finalResult());
  });

  it('closes the socket when the consumer of textStream breaks', async () => {
    const transport = firstFrameThenSilence();
    const stream = makeClient(transport).stream(QUESTION);

    for await (const text of stream.textStream) {
      expect(text).toBe('第一段');
      break;
    }

    expect(transport.openConnections()).toHaveLength(0);
  });

  it('settles during the backoff before a retry', async () => {
    const transport = createMemoryTransport((server) => server.refuse({ status: 503 }));
    // A backoff of at least 60 s: the test only ends in time if the abort cuts it short.
    let retryScheduled!: () => void;
    const backingOff = new Promise<void>((resolve) => {
      retryScheduled = resolve;
    });
    const client = makeClient(transport, {
      retryDelay: { baseDelayMs: 120_000, maxDelayMs: 120_000, random: () => 0.5 },
      logger: { info: (message) => message === 'xinghuo: retrying' && retryScheduled() },
    });
    const controller = new AbortController();
    const pending = client.chat(QUESTION, { signal: controller.signal });
    await backingOff;
    controller.abort();

    await expectAbortError(pending);
    expect(transport.connections).toHaveLength(1);
  });

  it('does nothing once the stream has ended', async () => {
    const stream = makeClient(createMemoryTransport(respondWith(answerFrames('done')))).stream(QUESTION);
    const result = await stream.finalResult();
    stream.abort();
    expect(await stream.finalResult()).toBe(result);
  });
});
