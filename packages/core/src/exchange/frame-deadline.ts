/**
 * The first-token and idle deadlines of one attempt behind a single timer.
 *
 * Frames arrive every few milliseconds; arming a fresh `setTimeout` (and a promise racing it) per
 * frame was a measurable share of the client's CPU. Here a frame only moves a timestamp forward; the
 * one timer, armed for the earliest moment a deadline can fall, re-arms itself for the remainder when
 * it fires early.
 */

import type { SparkTimeoutError } from '../errors';
import { isDisabled, type SparkTimeouts, timeoutError } from './deadlines';

/** The deadline for the next frame of one attempt. */
export interface FrameDeadline {
  /**
   * Records a frame. Until content arrived the nearer of the first-token deadline and the idle
   * deadline applies; afterwards the idle deadline alone.
   */
  frameArrived(contentSeen: boolean): void;
  /** Stops the timer; call however the attempt ends. */
  stop(): void;
}

/**
 * Starts the first-token deadline, counted from `sentAt` (a `performance.now()` time). `expire` is
 * called at most once, with the phase's timeout error; after expiry or `stop()` frames are ignored.
 * (Closures rather than a class with private fields: they minify to less in the browser bundle.)
 */
export function startFrameDeadline(
  timeouts: SparkTimeouts,
  sentAt: number,
  expire: (error: SparkTimeoutError) => void,
): FrameDeadline {
  const firstTokenAt = isDisabled(timeouts.firstTokenMs) ? Infinity : sentAt + timeouts.firstTokenMs;
  const idleMs = isDisabled(timeouts.idleMs) ? Infinity : timeouts.idleMs;
  let deadlineAt = firstTokenAt;
  let idle = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let timerAt = Infinity;
  let done = false;

  const arm = (at: number) => {
    clearTimeout(timer);
    timer = undefined;
    timerAt = at;
    if (at === Infinity) return;
    timer = setTimeout(fire, Math.max(1, Math.ceil(at - performance.now())));
  };
  const fire = () => {
    timer = undefined;
    timerAt = Infinity;
    if (done) return;
    // Timers may fire a fraction of a millisecond early, and frames moved the deadline meanwhile.
    if (performance.now() < deadlineAt) {
      arm(deadlineAt);
      return;
    }
    done = true;
    expire(idle ? timeoutError('idle', timeouts.idleMs) : timeoutError('first-token', timeouts.firstTokenMs));
  };
  // Armed for the earliest moment any deadline of this attempt can fall: the first-token deadline,
  // or the idle deadline of a frame arriving at once. Frames only ever move the deadline later than
  // that, so the first timer is never re-armed while frames flow (no clearTimeout/setTimeout per
  // request); when it fires early it re-arms for what remains.
  arm(Math.min(firstTokenAt, sentAt + idleMs));

  return {
    frameArrived(contentSeen) {
      if (done) return;
      const idleAt = performance.now() + idleMs;
      idle = contentSeen || idleAt < firstTokenAt;
      deadlineAt = idle ? idleAt : firstTokenAt;
      if (deadlineAt < timerAt) arm(deadlineAt);
    },
    stop() {
      done = true;
      clearTimeout(timer);
      timer = undefined;
    },
  };
}
