/**
 * What one attempt is given: the plan, and the progress shared by the attempts of one exchange.
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

/** Shared across the attempts of one exchange. */
export interface ExchangeProgress {
  /** True once a text, reasoning or function-call event was emitted: from then on, no retry. */
  contentDelivered: boolean;
}
