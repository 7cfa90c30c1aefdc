/**
 * What one attempt is given, and whom it reports to.
 */

import type { ChatResult, SparkStreamEvent } from '../types';
import type { AnswerContext } from './answer-accumulator';
import type { SparkTimeouts } from './deadlines';
import type { OpenFrameConnection } from './frame-connection';

/** Everything one attempt needs. */
export interface AttemptPlan {
  /** 1 for the first attempt. */
  attempt: number;
  /** The date to sign with (local clock plus learned offset). */
  date: Date;
  /** Opens the connection through the exchange's protocol. */
  open: OpenFrameConnection;
  timeouts: SparkTimeouts;
  answer: AnswerContext;
}

/**
 * Receives what one attempt produces: its events as they arrive, then exactly one of its result or its
 * failure. An object with methods rather than three callbacks: the exchange is this object, so an
 * attempt that streams for minutes holds no closures of its own.
 */
export interface AttemptOwner {
  emit(event: SparkStreamEvent): void;
  succeeded(result: ChatResult): void;
  failed(error: unknown): void;
}
