import { describe, expect, it } from 'vitest';
import { SparkAbortError, SparkServerError, SparkTimeoutError } from '../errors';
import type { AbortLike } from '../exchange/exchange-signal';
import type { ChatResult } from '../types';
import { type ChatStreamRunner, startChatStream } from './chat-stream';

const RESULT: ChatResult = {
  text: 'hi',
  usage: { promptTokens: 1, completionTokens: 1, totalTokens: 2 },
  sid: 'sid',
  model: 'lite',
  finishReason: 'stop',
};

/** A runner that waits until it is aborted, recording the signal. */
function hangingRunner(): { run: ChatStreamRunner; signal: () => AbortLike | undefined } {
  let seen: AbortLike | undefined;
  return {
    run: (_emit, signal) => {
      seen = signal;
      return new Promise(() => {});
    },
    signal: () => seen,
  };
}

describe('ChatStream', () => {
  it('delivers emitted events, then end with the result', async () => {
    const stream = startChatStream(async (emit) => {
      emit({ type: 'text-delta', text: 'hi' });
      return RESULT;
    });
    const events = [];
    for await (const event of stream) events.push(event);
    expect(events).toEqual([
      { type: 'text-delta', text: 'hi' },
      { type: 'end', result: RESULT },
    ]);
  });

  it('turns a synchronous throw of the runner into a rejection', async () => {
    const stream = startChatStream(() => {
      throw new SparkServerError('sync');
    });
    await expect(stream.finalResult()).rejects.toThrow('sync');
  });

  it('aborts the runner signal on abort() and settles at once', async () => {
    const runner = hangingRunner();
    const stream = startChatStream(runner.run);
    stream.abort();
    expect(stream.settled).toBe(true);
    expect(runner.signal()?.aborted).toBe(true);
    await expect(stream.finalResult()).rejects.toBeInstanceOf(SparkAbortError);
  });

  it('follows an external signal and does not start when it is already aborted', async () => {
    let started = false;
    const stream = startChatStream(
      async () => {
        started = true;
        return RESULT;
      },
      { signal: AbortSignal.abort() },
    );
    expect(started).toBe(false);
    await expect(stream.finalResult()).rejects.toBeInstanceOf(SparkAbortError);
  });

  it('fails with a total timeout and aborts the runner', async () => {
    const runner = hangingRunner();
    const stream = startChatStream(runner.run, { totalTimeoutMs: 10 });
    await expect(stream.finalResult()).rejects.toBeInstanceOf(SparkTimeoutError);
    expect(runner.signal()?.reason).toBeInstanceOf(SparkTimeoutError);
  });

  it('aborts the runner when the consumer returns early', async () => {
    const runner = hangingRunner();
    const stream = startChatStream(async (emit, signal) => {
      emit({ type: 'text-delta', text: 'a' });
      return runner.run(emit, signal);
    });
    for await (const _ of stream) break;
    expect(runner.signal()?.aborted).toBe(true);
    await expect(stream.finalResult()).rejects.toThrow(/closed before its end/);
  });

  it('ignores events emitted after it settled', async () => {
    let late: ((text: string) => void) | undefined;
    const stream = startChatStream(async (emit) => {
      late = (text) => emit({ type: 'text-delta', text });
      return RESULT;
    });
    await stream.finalResult();
    late?.('too late');
    const events = [];
    for await (const event of stream) events.push(event.type);
    expect(events).toEqual(['end']);
  });
  describe('textStream', () => {
    it('yields only the text deltas, in order, and then ends', async () => {
      const stream = startChatStream(async (emit) => {
        emit({ type: 'search-results', results: [] });
        emit({ type: 'text-delta', text: 'a' });
        emit({ type: 'reasoning-delta', text: 'thinking' });
        emit({ type: 'text-delta', text: 'b' });
        emit({ type: 'usage', usage: RESULT.usage });
        return RESULT;
      });
      const texts: string[] = [];
      for await (const text of stream.textStream) texts.push(text);
      expect(texts).toEqual(['a', 'b']);
      const iterator = stream.textStream[Symbol.asyncIterator]();
      // The events were consumed: a second reader is refused on its first next(), as before.
      await expect(iterator.next()).rejects.toThrow(/already being read/);
    });

    it('rejects with the stream error after the deltas that came before it', async () => {
      const failure = new SparkServerError('engine failed');
      const stream = startChatStream(async (emit) => {
        emit({ type: 'text-delta', text: 'partial' });
        throw failure;
      });
      const iterator = stream.textStream[Symbol.asyncIterator]();
      await expect(iterator.next()).resolves.toEqual({ value: 'partial', done: false });
      await expect(iterator.next()).rejects.toBe(failure);
      await expect(iterator.next()).resolves.toEqual({ value: undefined, done: true });
    });

    it('aborts the exchange when the consumer leaves early, and not before it started reading', async () => {
      const hanging = hangingRunner();
      const stream = startChatStream(async (emit, signal) => {
        emit({ type: 'text-delta', text: 'first' });
        return hanging.run(emit, signal);
      });
      const unread = stream.textStream[Symbol.asyncIterator]();
      await unread.return?.();
      expect(stream.settled).toBe(false);
      await expect(unread.next()).resolves.toEqual({ value: undefined, done: true });

      for await (const text of stream.textStream) {
        expect(text).toBe('first');
        break;
      }
      expect(hanging.signal()?.aborted).toBe(true);
      await expect(stream.finalResult()).rejects.toBeInstanceOf(SparkAbortError);
    });
  });
});
