/**
 * One measured run of one side of the overhead benchmark, in its own process: a warm-up, then
 * `waves` waves of `concurrency` concurrent streams. Prints a {@link OverheadWorkerResult}.
 */
import type { Measurement } from '../support/measure';
import { measureWaves } from '../support/stream-waves';
import { reportResult, workerInput } from '../support/workers';
import {
  baselineSide,
  nodeTransportSide,
  type SideTarget,
  type StreamOnce,
  sdkSide,
  sdkWebCryptoSide,
} from './sides';

/**
 * The SDK with its defaults, two diagnostic variants (the SDK signing with `node:crypto`; the Node
 * transport under the hand-written loop), and the hand-written client.
 */
export type OverheadSide = 'sdk' | 'sdk-webcrypto' | 'node-transport' | 'baseline';

const SIDES: Record<OverheadSide, (target: SideTarget) => StreamOnce | Promise<StreamOnce>> = {
  sdk: sdkSide,
  'sdk-webcrypto': sdkWebCryptoSide,
  'node-transport': nodeTransportSide,
  baseline: baselineSide,
};

/** Input of one worker run. */
export interface OverheadWorkerInput {
  side: OverheadSide;
  target: SideTarget;
  concurrency: number;
  waves: number;
  /** Answer each prompt must produce (the mock is deterministic), keyed by prompt. */
  expected: Record<string, string>;
}

/** What one worker run measured. */
export interface OverheadWorkerResult extends Measurement {
  side: OverheadSide;
  concurrency: number;
  streams: number;
  /** The warm-up before the measured part. */
  warmUp: Measurement;
  completeAnswers: number;
}

const input = workerInput<OverheadWorkerInput>();
const streamOnce = await SIDES[input.side](input.target);

let completeAnswers = 0;
const measurement = await measureWaves(streamOnce, Object.keys(input.expected), input, (prompt, text) => {
  if (text === input.expected[prompt]) completeAnswers += 1;
});

reportResult({
  side: input.side,
  concurrency: input.concurrency,
  completeAnswers,
  ...measurement,
} satisfies OverheadWorkerResult);
