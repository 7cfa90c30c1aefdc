/**
 * The four deadlines of an exchange (enforced by `FrameDeadline` and the connect step).
 */
import { SparkConfigError, SparkTimeoutError, type TimeoutPhase } from '../errors';

/**
 * Deadlines in milliseconds. `0` or `Infinity` switches one off.
 *
 * - `connectMs`: signing plus the WebSocket handshake of one attempt.
 * - `firstTokenMs`: from sending the request to the first text, reasoning or function-call delta.
 * - `idleMs`: the longest silence between two frames once the first frame arrived.
 * - `totalMs`: the whole exchange, retries and backoff included. Not retryable.
 */
export interface SparkTimeouts {
  connectMs: number;
  firstTokenMs: number;
  idleMs: number;
  totalMs: number;
}

/**
 * The defaults: 10 s to connect, 60 s to the first token (x1 may think for a while), 30 s of silence
 * between frames, and no total limit, because a long answer legitimately streams for minutes while
 * `idleMs` already catches a stalled one.
 */
export const DEFAULT_TIMEOUTS: Readonly<SparkTimeouts> = Object.freeze({
  connectMs: 10_000,
  firstTokenMs: 60_000,
  idleMs: 30_000,
  totalMs: 0,
});

/** Fills in the defaults and rejects negative or non-numeric values with a `SparkConfigError`. */
export function resolveTimeouts(timeouts: Partial<SparkTimeouts> | undefined): SparkTimeouts {
  const resolved = { ...DEFAULT_TIMEOUTS };
  for (const key of Object.keys(DEFAULT_TIMEOUTS) as (keyof SparkTimeouts)[]) {
    const value = timeouts?.[key];
    if (value === undefined) continue;
    if (typeof value !== 'number' || Number.isNaN(value) || value < 0) {
      throw new SparkConfigError(
        `timeouts.${key} must be a number of milliseconds ≥ 0 (0 or Infinity switches it off).`,
      );
    }
    resolved[key] = value;
  }
  return resolved;
}

/** True when a deadline value means "no deadline". */
export function isDisabled(ms: number): boolean {
  return ms <= 0 || !Number.isFinite(ms);
}

/** Creates the `SparkTimeoutError` for a phase with a message that says which knob to turn. */
export function timeoutError(phase: TimeoutPhase, timeoutMs: number): SparkTimeoutError {
  // The option name is the phase in camel case: connect → connectMs, first-token → firstTokenMs.
  const option = `${phase.replace(/-t/, 'T')}Ms`;
  return new SparkTimeoutError(`The ${phase} deadline of ${timeoutMs} ms expired (timeouts.${option}).`, {
    phase,
    timeoutMs,
  });
}
