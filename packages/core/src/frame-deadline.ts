/**
 * The first-token and idle deadlines of one attempt behind a single timer.
 *
 * Frames arrive every few milliseconds; arming a fresh `setTimeout` (and a promise racing it) per
 * frame was a measurable share of the client's CPU. Here a frame only moves a timestamp forward; the
 * one timer, when it fires early, re-arms itself for the remainder. It is rescheduled only when the
 * deadline moves closer (the switch from the first-token to the idle deadline).
 */
import { isDisabled, type SparkTimeouts, timeoutError } from './deadlines';
import type { SparkTimeoutError } from './errors';

/**
 * Tracks the deadline for the next frame; calls `expire` at most once, with the phase's timeout
 * error. After expiry or {@link FrameDeadline.stop} it ignores further frames.
 */
export class FrameDeadline {
  readonly #timeouts: SparkTimeouts;
  readonly #expire: (error: SparkTimeoutError) => void;
  readonly #firstTokenAt: number;
  readonly #idleMs: number;
  #deadlineAt: number;
  #phase: 'first-token' | 'idle' = 'first-token';
  #timer: ReturnType<typeof setTimeout> | undefined;
  #timerAt = Infinity;
  #done = false;

  /** Starts the first-token deadline, counted from `sentAt` (a `performance.now()` time). */
  constructor(timeouts: SparkTimeouts, sentAt: number, expire: (error: SparkTimeoutError) => void) {
    this.#timeouts = timeouts;
    this.#expire = expire;
    this.#firstTokenAt = isDisabled(timeouts.firstTokenMs) ? Infinity : sentAt + timeouts.firstTokenMs;
    this.#idleMs = isDisabled(timeouts.idleMs) ? Infinity : timeouts.idleMs;
    this.#deadlineAt = this.#firstTokenAt;
    this.#arm();
  }

  /**
   * Records a frame. Until content arrived the nearer of the first-token deadline and the idle
   * deadline applies; afterwards the idle deadline alone.
   */
  frameArrived(contentSeen: boolean): void {
    if (this.#done) return;
    const idleAt = this.#idleMs === Infinity ? Infinity : performance.now() + this.#idleMs;
    if (!contentSeen && this.#firstTokenAt <= idleAt) {
      this.#phase = 'first-token';
      this.#deadlineAt = this.#firstTokenAt;
    } else {
      this.#phase = 'idle';
      this.#deadlineAt = idleAt;
    }
    if (this.#deadlineAt < this.#timerAt) this.#arm();
  }

  /** Stops the timer; call however the attempt ends. */
  stop(): void {
    this.#done = true;
    clearTimeout(this.#timer);
    this.#timer = undefined;
    this.#deadlineAt = Infinity;
  }

  #arm(): void {
    clearTimeout(this.#timer);
    this.#timer = undefined;
    this.#timerAt = this.#deadlineAt;
    if (this.#deadlineAt === Infinity) return;
    const delay = Math.max(1, Math.ceil(this.#deadlineAt - performance.now()));
    this.#timer = setTimeout(() => this.#fire(), delay);
  }

  #fire(): void {
    this.#timer = undefined;
    this.#timerAt = Infinity;
    if (this.#deadlineAt === Infinity) return;
    // Timers may fire a fraction of a millisecond early, and frames moved the deadline meanwhile.
    if (performance.now() < this.#deadlineAt) {
      this.#arm();
      return;
    }
    const ms = this.#phase === 'idle' ? this.#timeouts.idleMs : this.#timeouts.firstTokenMs;
    this.#deadlineAt = Infinity;
    this.#done = true;
    this.#expire(timeoutError(this.#phase, ms));
  }
}
