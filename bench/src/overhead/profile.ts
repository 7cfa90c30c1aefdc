/**
 * `npm run bench:profile -w bench`: where the SDK's overhead goes, function by function.
 *
 * Runs the overhead worker (the same code the benchmark measures) for the SDK and for the
 * hand-written baseline under `node --cpu-prof`, against a mock in its own process, then sums each
 * function's self time from the V8 CPU profile and divides by the streams of the run: microseconds
 * per request. Writes `bench/profiles/overhead.md`. Sampling profiles are statistical: rows under
 * ~2 µs move between runs, the totals and the big rows do not.
 *
 * `PROFILE_CONCURRENCY` and `PROFILE_WAVES` change the workload (default 100 × 20 streams).
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { cpus, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { engineAllocations, engineCostPerRequest } from '../core/engine-cost';
import { type FunctionCost, isSdkCode, profileWorker } from '../support/cpu-profile';
import { buildWorkers } from '../support/workers';
import { expectedAnswers, withMock } from './run';
import type { OverheadSide, OverheadWorkerInput, OverheadWorkerResult } from './worker';

const benchRoot = fileURLToPath(new URL('../../', import.meta.url));
const profileDirectory = `${benchRoot}dist/profiles/`;
const concurrency = Number(process.env.PROFILE_CONCURRENCY ?? 100);
const waves = Number(process.env.PROFILE_WAVES ?? 20);
const TOP = 30;

async function profileSide(
  side: OverheadSide,
  files: Record<string, string>,
): Promise<{ result: OverheadWorkerResult; costs: FunctionCost[]; totalMicros: number }> {
  const mockChild = files['mock-child'] as string;
  const expected = await withMock(mockChild, (target) => expectedAnswers(target));
  return withMock(mockChild, (target) => {
    const input: OverheadWorkerInput = { side, target, expected, concurrency, waves };
    return profileWorker<OverheadWorkerResult>(files['overhead-worker'] as string, input, {
      directory: `${profileDirectory}${side}/`,
      intervalMicros: 250,
    });
  });
}

function row(cost: FunctionCost): string {
  return `| \`${cost.name}\` | ${cost.where} | ${cost.microsPerRequest.toFixed(1)} |`;
}

const files = await buildWorkers({
  'overhead-worker': 'src/overhead/worker.ts',
  'mock-child': 'src/support/mock-child.ts',
});
const sdk = await profileSide('sdk', files);
const baseline = await profileSide('baseline', files);

// The engine alone, in this process: no sockets, frames from memory (see src/core/engine-cost.ts).
const engineMicros = await engineCostPerRequest(5000, 100);
const allocations = await engineAllocations(5000, 100);

const coreCosts = sdk.costs.filter((cost) => isSdkCode(cost.where));
const coreTotal = coreCosts.reduce((sum, cost) => sum + cost.microsPerRequest, 0);
const [load1] = loadavg();
const lines = [
  '# Overhead profile: where the SDK spends its CPU, per request',
  '',
  `Produced by \`npm run bench:profile -w bench\` (\`bench/src/overhead/profile.ts\`) on ${new Date().toISOString()}: ` +
    `${cpus()[0]?.model.trim() ?? 'unknown CPU'} × ${cpus().length}, Node ${process.version}, ` +
    `1-minute load average ${load1?.toFixed(2)} when it finished (other processes share the machine: ` +
    'absolute figures move with load, the ranking much less).',
  '',
  `Workload: the overhead worker at ${concurrency} concurrent streams × ${waves} waves (plus its warm-up), ` +
    'under `node --cpu-prof`; self time of each function summed over the run and divided by the streams. ' +
    'Sampled every 250 µs: rows under ~2 µs are noise.',
  '',
  '| Side | CPU samples per request (µs, idle excluded) | wall (ms) of the measured part | CPU (ms) |',
  '| --- | ---: | ---: | ---: |',
  `| SDK (\`@xinghuo/node\`) | ${sdk.totalMicros.toFixed(0)} | ${sdk.result.wallMs.toFixed(0)} | ${sdk.result.cpuMs.toFixed(0)} |`,
  `| hand-written \`ws\` client | ${baseline.totalMicros.toFixed(0)} | ${baseline.result.wallMs.toFixed(0)} | ${baseline.result.cpuMs.toFixed(0)} |`,
  '',
  `Self time in \`@xinghuo/core\` and \`@xinghuo/node\` code: **${coreTotal.toFixed(1)} µs per request** ` +
    '(`decodeSparkFrame` includes the `JSON.parse` of each frame, which the hand-written client pays as well; ' +
    'the rest of the difference is in `ws`, Node internals and the garbage collector, driven by what the SDK allocates).',
  '',
  `## Top ${TOP} functions of \`@xinghuo/core\` / \`@xinghuo/node\` by self time (SDK side)`,
  '',
  '| Function | Where (dist file:line) | µs per request |',
  '| --- | --- | ---: |',
  ...coreCosts.slice(0, TOP).map(row),
  '',
  '## The engine alone: CPU and allocations per request',
  '',
  '`src/core/engine-cost.ts`: `@xinghuo/core` over a transport that answers from memory (7 frames pushed ' +
    'one per macrotask into an `AsyncQueue`, as a socket does), 100 streams at a time, read with ' +
    "`textStream`, signing left out. No sockets, so every microsecond and byte is the engine's (the " +
    "frames' `JSON.parse` included, which the hand-written client pays too). Allocations come from V8's " +
    'sampling heap profiler with collected objects included: what the garbage collector has to clear, and ' +
    "steady across runs where CPU time is not. Rows in `engine-cost.ts` and `measure.ts` are the benchmark's own transport and reader.",
  '',
  `CPU: **${engineMicros.toFixed(1)} µs per request**; allocated: **${Math.round(allocations.bytesPerRequest)} bytes per request**.`,
  '',
  '| Allocated by | Where | bytes per request |',
  '| --- | --- | ---: |',
  ...allocations.sites
    .slice(0, 20)
    .map((site) => `| \`${site.name}\` | ${site.where} | ${Math.round(site.bytesPerRequest)} |`),
  '',
  `## Top ${TOP} functions overall, SDK side`,
  '',
  '| Function | Where | µs per request |',
  '| --- | --- | ---: |',
  ...sdk.costs.slice(0, TOP).map(row),
  '',
  `## Top ${TOP} functions overall, hand-written client`,
  '',
  '| Function | Where | µs per request |',
  '| --- | --- | ---: |',
  ...baseline.costs.slice(0, TOP).map(row),
  '',
];
await mkdir(`${benchRoot}profiles/`, { recursive: true });
await writeFile(`${benchRoot}profiles/overhead.md`, lines.join('\n'));
process.stdout.write(
  `SDK ${sdk.totalMicros.toFixed(0)} µs/request, baseline ${baseline.totalMicros.toFixed(0)} µs/request, ` +
    `core+node self time ${coreTotal.toFixed(1)} µs/request\nwrote bench/profiles/overhead.md\n`,
);
