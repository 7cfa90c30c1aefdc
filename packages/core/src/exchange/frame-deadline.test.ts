import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { SparkTimeoutError } from '../errors';
import { DEFAULT_TIMEOUTS, type SparkTimeouts } from './deadlines';
import { FrameDeadline } from './frame-deadline';

function timeouts(overrides: Partial<SparkTimeouts>): SparkTimeouts {
  return { ...DEFAULT_TIMEOUTS, ...overrides };
}

function expiry(): { expire: (error: SparkTimeoutError) => void; expired: Promise<SparkTimeoutError> } {
  let expire!: (error: SparkTimeoutError) => void;
  const expired = new Promise<SparkTimeoutError>((resolve) => {
    expire = resolve;
  });
  return { expire, expired };
}

// The deadline reads `performance.now()` and arms `setTimeout`: both run on vitest's fake clock, so
// each test moves time explicitly and the outcome does not depend on how busy the machine is.
const tick = (ms: number) => vi.advanceTimersByTimeAsync(ms);

describe('FrameDeadline', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance'] });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('expires with the first-token phase when no frame arrives', async () => {
    const { expire, expired } = expiry();
    new FrameDeadline(timeouts({ firstTokenMs: 5 }), performance.now(), expire);
    await tick(5);
    await expect(expired).resolves.toMatchObject({ phase: 'first-token', timeoutMs: 5 });
  });

  it('switches to the idle phase once content arrived', async () => {
    const { expire, expired } = expiry();
    const deadline = new FrameDeadline(
      timeouts({ firstTokenMs: 60_000, idleMs: 10 }),
      performance.now(),
      expire,
    );
    deadline.frameArrived(true);
    await tick(10);
    await expect(expired).resolves.toMatchObject({ phase: 'idle', timeoutMs: 10 });
  });

  it('keeps the first-token deadline when frames without content come sooner than it', async () => {
    const { expire, expired } = expiry();
    const deadline = new FrameDeadline(
      timeouts({ firstTokenMs: 15, idleMs: 60_000 }),
      performance.now(),
      expire,
    );
    deadline.frameArrived(false);
    await tick(15);
    await expect(expired).resolves.toMatchObject({ phase: 'first-token' });
  });

  it('is pushed back by frames and expires once only, ignoring frames after expiry', async () => {
    const errors: SparkTimeoutError[] = [];
    const deadline = new FrameDeadline(
      timeouts({ firstTokenMs: 0, idleMs: 20 }),
      performance.now(),
      (error) => errors.push(error),
    );
    for (let frame = 0; frame < 5; frame += 1) {
      deadline.frameArrived(true);
      await tick(15);
    }
    // 75 ms have passed, more than the idle deadline, but never 20 ms without a frame.
    expect(errors).toEqual([]);
    await tick(60);
    deadline.frameArrived(true);
    await tick(40);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ phase: 'idle', timeoutMs: 20 });
  });

  it('never expires when both deadlines are off, or after stop()', async () => {
    const errors: SparkTimeoutError[] = [];
    const off = new FrameDeadline(timeouts({ firstTokenMs: 0, idleMs: 0 }), performance.now(), (error) =>
      errors.push(error),
    );
    off.frameArrived(true);
    const stopped = new FrameDeadline(timeouts({ firstTokenMs: 5 }), performance.now(), (error) =>
      errors.push(error),
    );
    stopped.stop();
    await tick(30);
    expect(errors).toEqual([]);
  });

  it('arms one timer for many frames (frames never re-arm it), and still expires on time', async () => {
    const armed = vi.spyOn(globalThis, 'setTimeout');
    const { expire, expired } = expiry();
    const deadline = new FrameDeadline(
      timeouts({ firstTokenMs: 60_000, idleMs: 500 }),
      performance.now(),
      expire,
    );
    for (let frame = 0; frame < 100; frame += 1) {
      await tick(1);
      deadline.frameArrived(true);
    }
    expect(armed).toHaveBeenCalledTimes(1);
    let settled = false;
    void expired.then(() => {
      settled = true;
    });
    // The timer fires at 500 ms, early: it re-arms for the rest of the idle deadline (600 ms).
    await tick(499);
    expect(settled).toBe(false);
    await tick(1);
    await expect(expired).resolves.toMatchObject({ phase: 'idle', timeoutMs: 500 });
    armed.mockRestore();
  });
});
