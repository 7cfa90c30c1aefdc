/**
 * `npm run bench`: every benchmark in one sequence on one machine — core micro-benchmarks, mock
 * server capacity, SDK overhead against a hand-written client, the HTTP protocol against a
 * hand-written `fetch` client and the `openai` package, and ChatSpark against the LangChain peer. Each writes `bench/results/<name>.json`; this script then writes `results/summary.json` (every
 * comparison as a number under a key containing `ratio`) and the combined table in `bench/README.md`.
 *
 * `npm run bench -- overhead peer` runs only the named parts (`npm run bench -w bench -- http` from the
 * repository root); `BENCH_QUICK=1` shrinks every workload
 * for a smoke run (its numbers are not for publishing).
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { runHttpBenchmark } from './http/run';
import { runOverheadBenchmark } from './overhead/run';
import { runPeerBenchmark } from './peer/run';
import { machineInfo } from './support/machine';
import { writeResultsSection } from './support/readme-table';
import { renderSummary, type Summary } from './support/summary';
import { buildWorkers } from './support/workers';

const benchRoot = fileURLToPath(new URL('../', import.meta.url));
const resultsDirectory = `${benchRoot}results/`;
const quick = process.env.BENCH_QUICK === '1';
const PARTS = ['core', 'mock-server', 'overhead', 'http', 'peer'] as const;
type Part = (typeof PARTS)[number];

const requested = process.argv
  .slice(2)
  .filter((argument): argument is Part => PARTS.includes(argument as Part));
const parts: readonly Part[] = requested.length > 0 ? requested : PARTS;
const log = (line: string) => process.stdout.write(`${line}\n`);

await mkdir(resultsDirectory, { recursive: true });
const machine = machineInfo();
log(`bench on ${machine.cpuModel} × ${machine.cores}, Node ${machine.node}${quick ? ' (quick mode)' : ''}`);

/** Concurrency levels of the overhead and HTTP comparisons: 1, 100 and 1,000 concurrent streams. */
const levels = quick
  ? [
      { concurrency: 1, waves: 20 },
      { concurrency: 100, waves: 1 },
      { concurrency: 1000, waves: 1 },
    ]
  : [
      // One stream at a time is the noisiest level (a run is mostly waiting): 2,000 answers per run.
      { concurrency: 1, waves: 2000 },
      { concurrency: 100, waves: 10 },
      { concurrency: 1000, waves: 3 },
    ];

const files = await buildWorkers({
  'overhead-worker': 'src/overhead/worker.ts',
  'http-worker': 'src/http/worker.ts',
  'peer-worker': 'src/peer/worker.ts',
  'mock-child': 'src/support/mock-child.ts',
});

const failures: string[] = [];
for (const part of parts) {
  const started = performance.now();
  log(`\n== ${part} ==`);
  try {
    await runPart(part);
  } catch (error) {
    // One broken part must not cost the results of the others; the exit code still reports it.
    failures.push(part);
    log(`${part} failed: ${error instanceof Error ? error.message : String(error)}`);
  }
  log(`${part} took ${Math.round((performance.now() - started) / 1000)} s`);
}

const summary: Summary = { machine, quick, parts: {} };
for (const part of PARTS) {
  const path = `${resultsDirectory}${part}.json`;
  if (existsSync(path)) summary.parts[part] = JSON.parse(await readFile(path, 'utf8')) as unknown;
}
await writeFile(`${resultsDirectory}summary.json`, `${JSON.stringify(summary, null, 2)}\n`);
await writeResultsSection(`${benchRoot}README.md`, renderSummary(summary));
log('\nwrote bench/results/*.json and the results table in bench/README.md');
if (failures.length > 0) {
  log(`failed parts: ${failures.join(', ')} (their previous results, if any, were kept)`);
  process.exitCode = 1;
}

async function runPart(part: Part): Promise<void> {
  if (part === 'core' || part === 'mock-server') {
    await runOtherBenchmark(part);
  } else if (part === 'overhead') {
    const results = await runOverheadBenchmark({
      levels,
      rounds: quick ? 2 : 5,
      files: { worker: files['overhead-worker']!, mockChild: files['mock-child']! },
      log,
    });
    await writeResult('overhead', { machine, quick, levels: results });
  } else if (part === 'http') {
    const results = await runHttpBenchmark({
      levels,
      rounds: quick ? 2 : 5,
      toolLoad: quick ? { concurrency: 10, waves: 1 } : { concurrency: 100, waves: 3 },
      files: { worker: files['http-worker']!, mockChild: files['mock-child']! },
      log,
    });
    await writeResult('http', { machine, quick, ...results });
  } else {
    const results = await runPeerBenchmark({
      count: quick ? 20 : 200,
      rounds: quick ? 2 : 5,
      files: { worker: files['peer-worker']!, mockChild: files['mock-child']! },
      log,
    });
    await writeResult('peer', { machine, quick, modes: results });
  }
}

async function writeResult(name: string, value: unknown): Promise<void> {
  await writeFile(`${resultsDirectory}${name}.json`, `${JSON.stringify(value, null, 2)}\n`);
}

/** Runs a part's own benchmark entry (`src/<part>/run.ts`) as a child; it writes its own JSON. */
function runOtherBenchmark(part: 'core' | 'mock-server'): Promise<void> {
  const entry = `${benchRoot}src/${part}/run.ts`;
  if (!existsSync(entry)) {
    log(`skipped: ${entry} does not exist`);
    return Promise.resolve();
  }
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', entry], {
      cwd: benchRoot,
      stdio: 'inherit',
      env: { ...process.env, ...(quick ? { BENCH_QUICK: '1' } : {}) },
    });
    child.on('error', reject);
    child.on('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`${part} benchmark exited with ${code}`)),
    );
  });
}
