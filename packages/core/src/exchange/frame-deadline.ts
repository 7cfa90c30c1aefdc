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

/**
 * The deadline for the next frame of one attempt. One object per attempt and a single bound callback
 * for its timer: it lives as long as the answer streams, so it is kept small.
 */
export class FrameDeadline {
  readonly #timeouts: SparkTimeouts;
  readonly #expire: (error: SparkTimeoutError) => void;
  readonly #firstTokenAt: number;
  readonly #idleMs: number;
  #deadlineAt: number;
  #idle = false;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #timerAt = Infinity;
  #done = false;
  readonly #fire = () => this.#onTimer();

  /**
   * Starts the first-token deadline, counted from `sentAt` (a `performance.now()` time). `expire` is
   * called at most once, with the phase's timeout error; after expiry or `stop()` frames are ignored.
   */
  constructor(timeouts: SparkTimeouts, sentAt: number, expire: (error: SparkTimeoutError) => void) {
    this.#timeouts = timeouts;
    this.#expire = expire;
    this.#firstTokenAt = isDisabled(timeouts.firstTokenMs) ? Infinity : sentAt + timeouts.firstTokenMs;
    this.#idleMs = isDisabled(timeouts.idleMs) ? Infinity : timeouts.idleMs;
    this.#deadlineAt = this.#firstTokenAt;
    // Armed for the earliest moment any deadline of this attempt can fall: the first-token deadline,
    // or the idle deadline of a frame arriving at once. Frames only ever move the deadline later than
    // that, so the first timer is never re-armed while frames flow (no clearTimeout/setTimeout per
    // request); when it fires early it re-arms for what remains.
    this.#arm(Math.min(this.#firstTokenAt, sentAt + this.#idleMs));
  }

  /**
   * Records a frame. Until content arrived the nearer of the first-token deadline and the idle
   * deadline applies; afterwards the idle deadline alone.
   */
  frameArrived(contentSeen: boolean): void {
    if (this.#done) return;
    const idleAt = performance.now() + this.#idleMs;
    this.#idle = contentSeen || idleAt < this.#firstTokenAt;
    this.#deadlineAt = this.#idle ? idleAt : this.#firstTokenAt;
    if (this.#deadlineAt < this.#timerAt) this.#arm(this.#deadlineAt);
  }

  /** Stops the timer; call however the attempt ends. */
  stop(): void {
    this.#done = true;
    clearTimeout(this.#timer);
    this.#timer = undefined;
  }

  #arm(at: number): void {
    clearTimeout(this.#timer);
    this.#timer = undefined;
    this.#timerAt = at;
    if (at === Infinity) return;
    this.#timer = setTimeout(this.#fire, Math.max(1, Math.ceil(at - performance.now())));
  }

  #onTimer(): void {
    this.#timer = undefined;
    this.#timerAt = Infinity;
    if (this.#done) return;
    // Timers may fire a fraction of a millisecond early, and frames moved the deadline meanwhile.
    if (performance.now() < this.#deadlineAt) {
      this.#arm(this.#deadlineAt);
      return;
    }
    this.#done = true;
    const { idleMs, firstTokenMs } = this.#timeouts;
    this.#expire(this.#idle ? timeoutError('idle', idleMs) : timeoutError('first-token', firstTokenMs));
  }
}
