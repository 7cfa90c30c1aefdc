/**
 * What one attempt is given: the plan, and the progress shared by the attempts of one exchange.
 */

import type { SparkModel } from '../models/models';
import type { SparkTransport } from '../protocol/websocket/transport';
import type { SignUrlProvider } from '../signing/checked-provider';
import type { SparkLogger } from '../types';
import type { AnswerContext } from './answer-accumulator';
import type { SparkTimeouts } from './deadlines';

/** Everything one attempt needs. */
export interface AttemptPlan {
  /** 1 for the first attempt. */
  attempt: number;
  /** The unsigned URL to dial. */
  url: string;
  model: SparkModel;
  /** The date to sign with (local clock plus learned offset). */
  date: Date;
  sign: SignUrlProvider;
  transport: SparkTransport;
  /** The serialized request frame. */
  requestText: string;
  timeouts: SparkTimeouts;
  answer: AnswerContext;
  logger?: SparkLogger | undefined;
}

/** Shared across the attempts of one exchange. */
export interface ExchangeProgress {
  /** True once a text, reasoning or function-call event was emitted: from then on, no retry. */
  contentDelivered: boolean;
}
