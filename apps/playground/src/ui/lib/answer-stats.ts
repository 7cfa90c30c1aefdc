import type { Usage } from '@xinghuo/browser';
import type { AnswerStats } from '../types';

/** Timestamps (milliseconds, any common clock) of one exchange. */
export interface AnswerTimings {
  startedAt: number;
  firstTokenAt?: number | undefined;
  endedAt: number;
}

/**
 * Time to first token, total time and streaming speed. Speed is completion tokens over the time
 * between the first and the last frame; it is left out when that span is zero (a one-frame answer)
 * or nothing was generated (a function call).
 */
export function computeAnswerStats(timings: AnswerTimings, usage?: Usage, sid?: string): AnswerStats {
  const { startedAt, firstTokenAt, endedAt } = timings;
  const streamingMs = firstTokenAt === undefined ? 0 : endedAt - firstTokenAt;
  const tokensPerSecond =
    usage && usage.completionTokens > 0 && streamingMs > 0
      ? Math.round((usage.completionTokens / streamingMs) * 10_000) / 10
      : undefined;
  return {
    usage,
    sid,
    timeToFirstTokenMs: firstTokenAt === undefined ? undefined : Math.max(0, firstTokenAt - startedAt),
    tokensPerSecond,
    totalMs: Math.max(0, endedAt - startedAt),
  };
}
