import { describe, expect, it } from 'vitest';
import { SparkClockSkewError, SparkConnectionError } from '../errors';
import type { DecodedFrame } from '../protocol/decoded-frame';
import type { SparkStreamEvent } from '../types';
import { AsyncQueue } from './async-queue';
import { DEFAULT_TIMEOUTS } from './deadlines';
import { ExchangeSignal } from './exchange-signal';
import type { FrameConnection, OpenFrameConnection } from './frame-connection';
import { type ExchangeSettings, runExchange } from './run-exchange';

const answer = { modelId: 'lite', maxTokens: 4096 };

const plan: ExchangeSettings = {
  timeouts: { ...DEFAULT_TIMEOUTS },
  maxRetries: 3,
  retryDelay: { baseDelayMs: 0, maxDelayMs: 0, random: Math.random },
  clock: { offsetMs: 0 },
  now: Date.now,
};

const content: DecodedFrame = { status: 0, sid: 'sid', seq: 0, text: '半句', reasoning: '' };

/**
 * An opener whose every connection delivers one content frame, then fails the way `failure` says:
 * the frame's decode throws it (as a protocol's decoder throws an error frame's error).
 */
function contentThenFailure(failure: () => Error): { open: OpenFrameConnection; opened: () => number } {
  let opened = 0;
  const open: OpenFrameConnection = async () => {
    opened += 1;
    const frames = new AsyncQueue<string>();
    const connection: FrameConnection<string> = {
      frames,
      decode: (frame) => {
        if (frame === 'content') return content;
        throw failure();
      },
      close: () => frames.close(),
    };
    queueMicrotask(() => {
      frames.push('content');
      frames.push('failure');
    });
    return connection;
  };
  return { open, opened: () => opened };
}

describe('runExchange', () => {
  it('does not retry after content, even for a clock-skew error that carries a server date', async () => {
    const serverDate = new Date(Date.now() + 600_000).toUTCString();
    const { open, opened } = contentThenFailure(
      () => new SparkClockSkewError('HMAC signature cannot be verified', { serverDate }),
    );
    const events: SparkStreamEvent[] = [];

    const error = await runExchange(
      plan,
      { open, answer },
      (event) => events.push(event),
      new ExchangeSignal(),
    ).catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(SparkClockSkewError);
    expect(opened()).toBe(1);
    expect(events.filter((event) => event.type === 'text-delta')).toHaveLength(1);
    // The offset is still learned, for the next request.
    expect(Math.abs(plan.clock.offsetMs - 600_000)).toBeLessThan(5_000);
  });

  it('fails the attempt, rather than throwing, when starting it throws (a throwing `now` option)', async () => {
    const { open, opened } = contentThenFailure(() => new SparkConnectionError('unused'));
    const throwingNow: ExchangeSettings = {
      ...plan,
      now: () => {
        throw new Error('clock unavailable');
      },
    };

    const error = await runExchange(throwingNow, { open, answer }, () => {}, new ExchangeSignal()).catch(
      (caught: unknown) => caught,
    );

    expect(error).toBeInstanceOf(SparkConnectionError);
    expect((error as SparkConnectionError).cause).toBeInstanceOf(Error);
    expect(opened()).toBe(0);
  });
});
