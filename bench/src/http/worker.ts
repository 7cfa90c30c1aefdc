/**
 * One measured run of one side of the HTTP comparison, in its own process: a warm-up, then `waves`
 * waves of `concurrency` concurrent streams. Prints a {@link HttpWorkerResult}.
 */
import type { Measurement } from '../support/measure';
import { measureWaves } from '../support/stream-waves';
import { reportResult, workerInput } from '../support/workers';
import type { HttpAnswerCounts } from './answer-counts';
import type { HttpAnswer } from './baseline-client';
import {
  baselineHttpSide,
  baselineWithSignalHttpSide,
  type HttpScenario,
  type HttpStreamOnce,
  type HttpTarget,
  openaiSide,
  sdkHttpSide,
} from './sides';

/**
 * Our SDK over HTTP (`sdk-one-object`: asking for Spark's default one-object `tool_calls`), the
 * hand-written `fetch` + SSE client (`baseline-signal`: the same giving `fetch` an `AbortSignal`, a
 * diagnostic), and the `openai` package.
 */
export type HttpSide = 'sdk' | 'sdk-one-object' | 'baseline' | 'baseline-signal' | 'openai';

const SIDES: Record<HttpSide, (target: HttpTarget, scenario: HttpScenario) => Promise<HttpStreamOnce>> = {
  sdk: (target, scenario) => sdkHttpSide(target, scenario),
  'sdk-one-object': (target, scenario) => sdkHttpSide(target, scenario, true),
  baseline: async (target, scenario) => baselineHttpSide(target, scenario),
  'baseline-signal': async (target, scenario) => baselineWithSignalHttpSide(target, scenario),
  openai: openaiSide,
};

/** Input of one worker run. */
export interface HttpWorkerInput {
  side: HttpSide;
  scenario: HttpScenario;
  target: HttpTarget;
  concurrency: number;
  waves: number;
  /** The answer each prompt must produce (the mock is deterministic), keyed by prompt. */
  expected: Record<string, HttpAnswer>;
}

/** What one worker run measured. */
export interface HttpWorkerResult extends Measurement, HttpAnswerCounts {
  side: HttpSide;
  scenario: HttpScenario;
  concurrency: number;
  /** The warm-up before the measured part. */
  warmUp: Measurement;
}

const input = workerInput<HttpWorkerInput>();
const streamOnce = await SIDES[input.side](input.target, input.scenario);

const sameCall = (left: HttpAnswer['toolCalls'][number], right: HttpAnswer['toolCalls'][number]) =>
  left.name === right.name && left.arguments === right.arguments;

let completeAnswers = 0;
let expectedToolCalls = 0;
let wholeToolCalls = 0;
let errors = 0;
let firstError: string | undefined;
const measurement = await measureWaves(streamOnce, Object.keys(input.expected), input, (prompt, answer) => {
  const want = input.expected[prompt]!;
  expectedToolCalls += want.toolCalls.length;
  const whole = want.toolCalls.filter((call, index) => {
    const got = answer.toolCalls[index];
    return got !== undefined && sameCall(call, got);
  }).length;
  wholeToolCalls += whole;
  if (answer.error !== undefined) {
    errors += 1;
    firstError ??= answer.error;
  }
  if (
    answer.error === undefined &&
    answer.text === want.text &&
    answer.toolCalls.length === want.toolCalls.length &&
    whole === want.toolCalls.length
  ) {
    completeAnswers += 1;
  }
});

reportResult({
  side: input.side,
  scenario: input.scenario,
  concurrency: input.concurrency,
  completeAnswers,
  expectedToolCalls,
  wholeToolCalls,
  errors,
  ...(firstError === undefined ? {} : { firstError }),
  ...measurement,
} satisfies HttpWorkerResult);
