import { createSparkClient, SparkError } from '@xinghuo/core';
import { createMemoryTransport, respondWith } from '@xinghuo/core/testing';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hostileFrame } from './support/frame-arbitraries';
import { REAL_FRAMES } from './support/real-frames';
import { scaled } from './support/scale';

const FRAMES_PER_RUN = 10;
/** 100,000 frames at full size, 10,000 in `npm test` (see `support/scale.ts`). */
const RUNS = scaled(10_000, 1_000);
const HOSTILE_FRAMES = (FRAMES_PER_RUN * RUNS).toLocaleString('en');
/** Settling takes microseconds in memory; this only turns a hang into a failure instead of a stuck suite. */
const HANG_GUARD_MS = 5_000;

const HANG: unique symbol = Symbol('hang');

/** Streams one exchange whose server sends `frames` (then closes or fails) and reports how it settled. */
async function exchange(frames: readonly string[], ending: 'close' | 'error' | 'hang', deadlineMs: number) {
  const transport = createMemoryTransport(async (server) => {
    await respondWith(frames, { close: false })(server);
    if (ending === 'close') server.close();
    else if (ending === 'error') server.error('connection reset');
    // 'hang': leave the socket open; the client's idle deadline has to end it.
  });
  const client = createSparkClient({
    appId: 'fuzzapp1',
    apiKey: 'k'.repeat(32),
    apiSecret: 's'.repeat(32),
    transport,
    defaultModel: 'lite',
    maxRetries: 1,
    retryDelay: { baseDelayMs: 0, maxDelayMs: 0 },
    timeouts: { connectMs: 5_000, firstTokenMs: deadlineMs, idleMs: deadlineMs, totalMs: 0 },
  });
  const stream = client.stream({ messages: [{ role: 'user', content: 'fuzz' }] });
  let events = 0;
  const consumed = (async () => {
    for await (const _event of stream) events += 1;
  })();
  let guard: ReturnType<typeof setTimeout> | undefined;
  const settled = await Promise.race([
    Promise.allSettled([consumed, stream.finalResult()]),
    new Promise<typeof HANG>((resolve) => {
      guard = setTimeout(() => resolve(HANG), HANG_GUARD_MS);
    }),
  ]);
  clearTimeout(guard);
  const hung = settled === HANG;
  return {
    hung,
    consumed: hung ? undefined : settled[0],
    final: hung ? undefined : settled[1],
    events,
    openConnections: transport.openConnections().length,
  };
}

describe('the chat stream state machine under fuzzing', () => {
  it(`settles every exchange with a result or a SparkError, for ${HOSTILE_FRAMES} hostile frames`, async () => {
    let framesFed = 0;
    let resolved = 0;
    let rejected = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.array(hostileFrame, { minLength: FRAMES_PER_RUN, maxLength: FRAMES_PER_RUN }),
        // Most runs start like a real answer, so the fuzzed frames also hit the mid-stream states.
        fc.nat({ max: 3 }),
        fc.constantFrom<'close' | 'error'>('close', 'close', 'close', 'error'),
        async (hostile, realPrefix, ending) => {
          const frames = [
            ...REAL_FRAMES.slice(0, realPrefix).map((frame) => JSON.stringify(frame)),
            ...hostile,
          ];
          framesFed += hostile.length;
          // Deadlines far above the microseconds an in-memory exchange takes: a timeout here would
          // mean the state machine missed the end of the socket.
          const outcome = await exchange(frames, ending, 5_000);
          const { consumed, final } = outcome;
          if (outcome.hung || !consumed || !final || outcome.openConnections !== 0) return false;
          if (final.status === 'fulfilled') {
            resolved += 1;
            // A result is only ever produced by a final (status 2) frame, and iteration agrees.
            return consumed.status === 'fulfilled' && typeof final.value.text === 'string';
          }
          rejected += 1;
          const error: unknown = final.reason;
          if (!SparkError.isInstance(error)) return false;
          if (error.code === 'timeout') return false;
          return consumed.status === 'rejected' && SparkError.isInstance(consumed.reason);
        },
      ),
      { numRuns: RUNS, seed: 20_261_125 },
    );
    expect(framesFed).toBe(FRAMES_PER_RUN * RUNS);
    // Each outcome in more than 1 run in 100, so the property reached both ends of the state machine.
    expect(resolved).toBeGreaterThan(RUNS / 100);
    expect(rejected).toBeGreaterThan(RUNS / 100);
  });

  it('ends on its own deadline and closes the socket when the server goes silent after hostile frames', async () => {
    let timedOut = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.array(hostileFrame, { minLength: 1, maxLength: 5 }),
        fc.nat({ max: 2 }),
        async (hostile, realPrefix) => {
          const frames = [
            ...REAL_FRAMES.slice(0, realPrefix).map((frame) => JSON.stringify(frame)),
            ...hostile,
          ];
          const outcome = await exchange(frames, 'hang', 20);
          const { final } = outcome;
          if (outcome.hung || !final) return false;
          if (final.status === 'rejected') {
            if (!SparkError.isInstance(final.reason)) return false;
            if (final.reason.code === 'timeout') timedOut += 1;
          }
          return outcome.openConnections === 0;
        },
      ),
      { numRuns: 200, seed: 7 },
    );
    // Some runs did reach the silence, so the deadline path was exercised.
    expect(timedOut).toBeGreaterThan(0);
  });
});
