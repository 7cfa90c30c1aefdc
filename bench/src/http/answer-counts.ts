/**
 * The answer counts of one HTTP worker run (how many answers and tool calls arrived whole), shared by
 * the worker's result and the benchmark's tool-call summary. Kept apart from `worker.ts`, which runs
 * on import.
 */

/** How the answers of one run compared with the expected ones. */
export interface HttpAnswerCounts {
  streams: number;
  /** Answers whose text and tool calls equal the expected ones. */
  completeAnswers: number;
  /** Tool calls the answers should have carried, and how many arrived with the right name and arguments. */
  expectedToolCalls: number;
  wholeToolCalls: number;
  /** Streams that ended in an error, and the first error's text. */
  errors: number;
  firstError?: string;
}

/** The {@link HttpAnswerCounts} fields of a worker result (its timings and labels left out), in this order. */
export function answerCounts(result: HttpAnswerCounts): HttpAnswerCounts {
  return {
    streams: result.streams,
    completeAnswers: result.completeAnswers,
    expectedToolCalls: result.expectedToolCalls,
    wholeToolCalls: result.wholeToolCalls,
    errors: result.errors,
    ...(result.firstError === undefined ? {} : { firstError: result.firstError }),
  };
}
