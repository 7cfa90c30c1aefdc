/**
 * Capacity benchmark of the mock Spark server: `xinghuo-mock` runs in its own process (the published
 * CLI), and this process keeps CONCURRENCY raw ws sessions open at all times for a fixed duration,
 * each worker starting a new session as soon as its previous one closes. Reports completed sessions
 * per second, answer frames per second and session latency percentiles; writes
 * `results/mock-server.json`.
 *
 * Run: `npm run build -- --filter=@xinghuo/mock-server && npx tsx bench/src/mock-server/run.ts`
 * (`BENCH_QUICK=1` for a short smoke run).
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { machineInfo } from '../support/machine';
import { type BenchCredentials, runSession, type SessionOutcome } from './session-client';

const quick = process.env.BENCH_QUICK === '1';
const CONCURRENCY = Number(process.env.BENCH_MOCK_CONCURRENCY ?? 1000);
const DURATION_MS = quick ? 3_000 : 15_000;
const WARMUP_MS = quick ? 500 : 2_000;

interface RunningMock {
  child: ChildProcess;
  url: string;
  credentials: BenchCredentials;
}

/** Starts the built `xinghuo-mock` CLI on a free port and reads its printed settings. */
function startCli(): Promise<RunningMock> {
  const packageJson = createRequire(import.meta.url).resolve('@xinghuo/mock-server/package.json');
  const cli = join(dirname(packageJson), 'dist', 'cli.js');
  const child = spawn(process.execPath, [cli, '--port', '0'], { stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    let output = '';
    child.stdout?.setEncoding('utf8');
    child.stdout?.on('data', (chunk: string) => {
      output += chunk;
      const value = (name: string) => output.match(new RegExp(`^${name}=(.*)$`, 'm'))?.[1];
      const secret = value('SPARK_API_SECRET');
      if (secret === undefined) return;
      resolve({
        child,
        url: value('SPARK_BASE_URL')!,
        credentials: { appId: value('SPARK_APP_ID')!, apiKey: value('SPARK_API_KEY')!, apiSecret: secret },
      });
    });
    child.once('exit', (code) => reject(new Error(`xinghuo-mock exited with ${code}: ${output}`)));
  });
}

/** Keeps `concurrency` sessions running until `deadline`; returns every completed session. */
async function drive(mock: RunningMock, concurrency: number, durationMs: number): Promise<SessionOutcome[]> {
  const deadline = performance.now() + durationMs;
  const outcomes: SessionOutcome[] = [];
  const url = `${mock.url}/v1.1/chat`;
  await Promise.all(
    Array.from({ length: concurrency }, async (_unused, worker) => {
      for (let round = 0; performance.now() < deadline; round += 1) {
        outcomes.push(await runSession(url, mock.credentials, `第 ${worker} 号用户的第 ${round} 个问题`));
      }
    }),
  );
  return outcomes;
}

/** CPU time (user + system) of a process in milliseconds, from /proc; `undefined` off Linux. */
function processCpuMilliseconds(pid: number | undefined): number | undefined {
  try {
    // Fields 14 and 15 of /proc/<pid>/stat (after the parenthesised name) are utime and stime in ticks.
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
  } catch {
    return undefined;
  }
}

function percentile(sorted: readonly number[], fraction: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * fraction))]!;
}

const round1 = (value: number) => Math.round(value * 10) / 10;

const loadAverageAtStart = loadavg().map(round1);
const mock = await startCli();
try {
  await drive(mock, CONCURRENCY, WARMUP_MS);
  const serverCpuBefore = processCpuMilliseconds(mock.child.pid);
  const started = performance.now();
  const outcomes = await drive(mock, CONCURRENCY, DURATION_MS);
  const elapsedSeconds = (performance.now() - started) / 1000;
  const serverCpuAfter = processCpuMilliseconds(mock.child.pid);
  const completed = outcomes.filter((outcome) => outcome.ok);
  const frames = completed.reduce((sum, outcome) => sum + outcome.frames, 0);
  const latencies = completed.map((outcome) => outcome.milliseconds).sort((left, right) => left - right);
  const results = {
    benchmark: 'mock-server capacity',
    machine: machineInfo(),
    // The machine is shared; a high load average at the start explains low or noisy numbers.
    loadAverageAtStart: loadAverageAtStart,
    quick,
    concurrency: CONCURRENCY,
    durationSeconds: round1(elapsedSeconds),
    sessions: outcomes.length,
    completedSessions: completed.length,
    failedSessions: outcomes.length - completed.length,
    sessionsPerSecond: round1(completed.length / elapsedSeconds),
    framesPerSecond: round1(frames / elapsedSeconds),
    framesPerSession: round1(frames / Math.max(completed.length, 1)),
    serverCpuMsPerSession:
      serverCpuBefore === undefined || serverCpuAfter === undefined
        ? null
        : Math.round(((serverCpuAfter - serverCpuBefore) / Math.max(outcomes.length, 1)) * 1000) / 1000,
    sessionLatencyMs: {
      p50: round1(percentile(latencies, 0.5)),
      p95: round1(percentile(latencies, 0.95)),
      p99: round1(percentile(latencies, 0.99)),
    },
  };
  const target = fileURLToPath(new URL('../../results/mock-server.json', import.meta.url));
  writeFileSync(target, `${JSON.stringify(results, null, 2)}\n`);
  console.log(JSON.stringify(results, null, 2));
} finally {
  mock.child.kill('SIGTERM');
}
