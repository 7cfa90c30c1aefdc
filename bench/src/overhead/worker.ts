/**
 * One measured run of one side of the overhead benchmark, in its own process: a warm-up, then
 * `waves` waves of `concurrency` concurrent streams. Prints a {@link OverheadWorkerResult}.
 */
import { type Measurement, measure } from '../support/measure';
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
  completeAnswers: number;
}

const input = workerInput<OverheadWorkerInput>();
const streamOnce = await SIDES[input.side](input.target);
const prompts = Object.keys(input.expected);

let completeAnswers = 0;
let streams = 0;
async function wave(size: number, offset: number): Promise<void> {
  await Promise.all(
    Array.from({ length: size }, async (_, index) => {
      const prompt = prompts[(offset + index) % prompts.length]!;
      const text = await streamOnce(prompt);
      streams += 1;
      if (text === input.expected[prompt]) completeAnswers += 1;
    }),
  );
}

// Warm-up: load modules and JIT the hot paths before measuring.
await wave(Math.min(input.concurrency, 50), 0);
streams = 0;
completeAnswers = 0;

const measurement = await measure(async () => {
  for (let round = 0; round < input.waves; round += 1)
    await wave(input.concurrency, round * input.concurrency);
});

reportResult({
  side: input.side,
  concurrency: input.concurrency,
  streams,
  completeAnswers,
  ...measurement,
} satisfies OverheadWorkerResult);
