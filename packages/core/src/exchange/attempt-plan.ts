/**
 * What one attempt is given.
 */

import type { SparkLogger } from '../types';
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
  logger?: SparkLogger | undefined;
}
