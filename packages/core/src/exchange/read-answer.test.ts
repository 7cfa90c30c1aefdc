import { describe, expect, it } from 'vitest';
import { SparkAbortError, SparkConnectionError, SparkContentFilterError, SparkTimeoutError } from '../errors';
import { webSocketFrames } from '../protocol/websocket/open-websocket';
import type { SparkConnection } from '../protocol/websocket/transport';
import { answerFrames, errorFrame, searchResultsFrame } from '../testing/frames';
import type { ChatResult, SparkStreamEvent } from '../types';
import { AsyncQueue } from './async-queue';
import { DEFAULT_TIMEOUTS } from './deadlines';
import { readAnswer } from './read-answer';

const plan = { timeouts: { ...DEFAULT_TIMEOUTS }, answer: { modelId: 'lite', maxTokens: 4096 } };

/** A connection whose frames are handed out by `next`; records close calls. */
function connection(next: () => Promise<IteratorResult<string>>): SparkConnection & { closes: number } {
  const state = {
    closes: 0,
    send() {},
    close() {
      state.closes += 1;
    },
    messages: () => ({ [Symbol.asyncIterator]: () => ({ next }) }),
  };
  return state;
}

function scripted(frames: readonly unknown[]): SparkConnection & { closes: number } {
  const queue = frames.map((frame) => JSON.stringify(frame));
  return connection(async () => {
    const value = queue.shift();
    return value === undefined ? { value: undefined, done: true } : { value, done: false };
  });
}

function read(conn: SparkConnection, signal = new AbortController().signal, timeouts = plan.timeouts) {
  const events: SparkStreamEvent[] = [];
  const result = new Promise<ChatResult>((resolve, reject) =>
    readAnswer(
      { connection: webSocketFrames(conn), ...plan, timeouts, signal },
      { emit: (event) => events.push(event), succeeded: resolve, failed: reject },
    ),
  );
  return { events, result };
}

/** A connection over an `AsyncQueue`, as the SDK's transports make them: read through its push mode. */
function queued(): SparkConnection & { inbound: AsyncQueue<string>; closes: number } {
  const inbound = new AsyncQueue<string>();
  const state = {
    inbound,
    closes: 0,
    send() {},
    close() {
      state.closes += 1;
      inbound.close();
    },
    messages: () => inbound,
  };
  return state;
}

describe('readAnswer', () => {
  it('emits each delta once and resolves with the whole answer after the status-2 frame', async () => {
    const { events, result } = read(scripted(answerFrames('星火你好', { chunkSize: 2 })));
    await expect(result).resolves.toMatchObject({ text: '星火你好', finishReason: 'stop' });
    expect(events.filter((event) => event.type === 'text-delta').map((event) => event.text)).toEqual([
      '星火',
      '你好',
    ]);
  });

  it('holds search results back until the first content, so a failed attempt emits nothing', async () => {
    const sources = [{ index: 1, url: 'https://example.com', title: 'Example' }];
    const failed = read(scripted([searchResultsFrame(sources), errorFrame(10013)]));
    await expect(failed.result).rejects.toBeInstanceOf(SparkContentFilterError);
    expect(failed.events).toEqual([]);

    const answered = read(scripted([searchResultsFrame(sources), ...answerFrames('ok')]));
    await answered.result;
    expect(answered.events.map((event) => event.type)).toEqual(['search-results', 'text-delta', 'usage']);
  });

  it('fails with a connection error when the frames end before status 2', async () => {
    const frames = answerFrames('abcdefgh', { chunkSize: 4 }).slice(0, 1);
    await expect(read(scripted(frames)).result).rejects.toThrow(/closed before the final frame/);
  });

  it('turns a failing or synchronously throwing iterator into a SparkConnectionError', async () => {
    const rejecting = read(connection(() => Promise.reject(new Error('socket reset'))));
    await expect(rejecting.result).rejects.toMatchObject({ name: 'SparkConnectionError' });
    await expect(rejecting.result).rejects.toThrow(/socket reset/);
    const throwing = read(
      connection(() => {
        throw new Error('broken iterator');
      }),
    );
    await expect(throwing.result).rejects.toBeInstanceOf(SparkConnectionError);
  });

  it('rejects at once and closes the connection when the signal aborts while waiting', async () => {
    const conn = connection(() => new Promise(() => {}));
    const controller = new AbortController();
    const { result } = read(conn, controller.signal);
    controller.abort(new SparkAbortError('stop'));
    await expect(result).rejects.toBeInstanceOf(SparkAbortError);
    expect(conn.closes).toBe(1);

    const already = connection(() => new Promise(() => {}));
    await expect(
      read(already, AbortSignal.abort(new SparkAbortError('early'))).result,
    ).rejects.toBeInstanceOf(SparkAbortError);
    expect(already.closes).toBe(1);
  });

  it('fails with the first-token deadline when no frame comes', async () => {
    const conn = connection(() => new Promise(() => {}));
    const { result } = read(conn, undefined, { ...plan.timeouts, firstTokenMs: 5 });
    await expect(result).rejects.toBeInstanceOf(SparkTimeoutError);
    await expect(result).rejects.toMatchObject({ phase: 'first-token' });
  });

  describe('from an AsyncQueue (the push mode)', () => {
    it('takes frames queued before reading and those that arrive later, in order', async () => {
      const conn = queued();
      const [first, ...rest] = answerFrames('一二三四五六', { chunkSize: 2 }).map((frame) =>
        JSON.stringify(frame),
      );
      conn.inbound.push(first as string);
      const { events, result } = read(conn);
      // Handed over synchronously, as it was queued: no promise in between.
      expect(events).toEqual([{ type: 'text-delta', text: '一二' }]);
      for (const frame of rest) conn.inbound.push(frame);
      await expect(result).resolves.toMatchObject({ text: '一二三四五六' });
      expect(events.filter((event) => event.type === 'text-delta')).toHaveLength(3);
    });

    it('fails when the queue ends before status 2 or fails', async () => {
      const ended = queued();
      const endedRead = read(ended);
      ended.inbound.push(JSON.stringify(answerFrames('abcdefgh', { chunkSize: 4 })[0]));
      ended.inbound.end();
      await expect(endedRead.result).rejects.toThrow(/closed before the final frame/);

      const failed = queued();
      const failedRead = read(failed);
      failed.inbound.fail(new Error('socket reset'));
      await expect(failedRead.result).rejects.toBeInstanceOf(SparkConnectionError);
    });

    it('ignores frames after the final one and rejects a malformed frame', async () => {
      const conn = queued();
      const { result } = read(conn);
      for (const frame of answerFrames('ok')) conn.inbound.push(JSON.stringify(frame));
      conn.inbound.push('not json');
      await expect(result).resolves.toMatchObject({ text: 'ok' });

      const malformed = queued();
      const malformedRead = read(malformed);
      malformed.inbound.push('not json');
      await expect(malformedRead.result).rejects.toMatchObject({ name: 'SparkProtocolError' });
    });
  });
});
