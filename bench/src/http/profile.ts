/**
 * `npx tsx src/http/profile.ts [side]` (in bench/): where a side of the HTTP benchmark spends its CPU,
 * function by function. Runs the HTTP worker (the code the benchmark measures) under `node
 * --cpu-prof` against a mock in its own process and prints the top functions by self time, in µs
 * per request, plus the SDK's own share. Prints only; nothing is written outside `bench/dist`.
 *
 * `PROFILE_SIDE` (`sdk`, `baseline` or `openai`; default `sdk`), `PROFILE_CONCURRENCY` (default 1)
 * and `PROFILE_WAVES` (default 2000) change the workload.
 */
import { mkdir, readdir, readFile, rm } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { type CpuProfile, isSdkCode, selfTimes } from '../support/cpu-profile';
import { WARM_UP_REQUESTS } from '../support/stream-waves';
import { buildWorkers, runWorker } from '../support/workers';
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
const directory = `${benchRoot}dist/profiles/http-${side}/`;
await rm(directory, { recursive: true, force: true });
await mkdir(directory, { recursive: true });
const mockChild = files['mock-child'] as string;
const expected = await withMock(mockChild, (target) => expectedAnswers(target, HTTP_PROMPTS, 'text'));
const result = await withMock(mockChild, (target) => {
  const input: HttpWorkerInput = { side, scenario: 'text', target, expected, concurrency, waves };
  return runWorker<HttpWorkerResult>(files['http-worker'] as string, input, [
    '--cpu-prof',
    '--cpu-prof-interval=100',
    `--cpu-prof-dir=${directory}`,
  ]);
});
const [file] = (await readdir(directory)).filter((name) => name.endsWith('.cpuprofile'));
if (!file) throw new Error(`no CPU profile written for ${side}`);
const profile = JSON.parse(await readFile(`${directory}${file}`, 'utf8')) as CpuProfile;
const streams = result.streams + WARM_UP_REQUESTS;
const { costs, totalMicros } = selfTimes(profile, streams);
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
