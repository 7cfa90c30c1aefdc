/**
 * `npx tsx src/http/profile.ts [side]` (in bench/): where a side of the HTTP benchmark spends its CPU,
 * function by function. Runs the HTTP worker (the code the benchmark measures) under `node
 * --cpu-prof` against a mock in its own process and prints the top functions by self time, in µs
 * per request, plus the SDK's own share. Prints only; nothing is written outside `bench/dist`.
 *
 * `PROFILE_SIDE` (`sdk`, `baseline` or `openai`; default `sdk`), `PROFILE_CONCURRENCY` (default 1)
 * and `PROFILE_WAVES` (default 2000) change the workload.
 */
import { fileURLToPath } from 'node:url';
import { isSdkCode, profileWorker } from '../support/cpu-profile';
import { buildWorkers } from '../support/workers';
import { expectedAnswers, HTTP_PROMPTS, withMock } from './run';
import type { HttpSide, HttpWorkerInput, HttpWorkerResult } from './worker';

const benchRoot = fileURLToPath(new URL('../../', import.meta.url));
const side = (process.argv[2] ?? process.env.PROFILE_SIDE ?? 'sdk') as HttpSide;
const concurrency = Number(process.env.PROFILE_CONCURRENCY ?? 1);
const waves = Number(process.env.PROFILE_WAVES ?? 2000);
const TOP = Number(process.env.PROFILE_TOP ?? 40);

const files = await buildWorkers({
  'http-worker': 'src/http/worker.ts',
  'mock-child': 'src/support/mock-child.ts',
});
const mockChild = files['mock-child'] as string;
const expected = await withMock(mockChild, (target) => expectedAnswers(target, HTTP_PROMPTS, 'text'));
const { result, costs, totalMicros } = await withMock(mockChild, (target) => {
  const input: HttpWorkerInput = { side, scenario: 'text', target, expected, concurrency, waves };
  return profileWorker<HttpWorkerResult>(files['http-worker'] as string, input, {
    directory: `${benchRoot}dist/profiles/http-${side}/`,
    intervalMicros: 100,
  });
});
const sdkCosts = costs.filter((cost) => isSdkCode(cost.where));
const sdkTotal = sdkCosts.reduce((sum, cost) => sum + cost.microsPerRequest, 0);
const line = (cost: (typeof costs)[number]) =>
  `${cost.microsPerRequest.toFixed(1).padStart(7)}  ${cost.name}  ${cost.where}`;
process.stdout.write(
  [
    `${side} c=${concurrency} × ${waves}: ${result.completeAnswers}/${result.streams} complete, ` +
      `wall ${result.wallMs.toFixed(0)} ms, cpu ${result.cpuMs.toFixed(0)} ms, ` +
      `${((result.cpuMs * 1000) / result.streams).toFixed(0)} µs cpu/request; samples ${totalMicros.toFixed(0)} µs/request`,
    `SDK self time ${sdkTotal.toFixed(1)} µs/request`,
    '--- top overall',
    ...costs.slice(0, TOP).map(line),
    '--- top SDK',
    ...sdkCosts.slice(0, TOP).map(line),
    '',
  ].join('\n'),
);
