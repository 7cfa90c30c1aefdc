/**
 * A small timing loop for in-process micro-benchmarks: warm up, run in batches until a minimum CPU
 * time has passed, repeat for several rounds and keep the median, so one descheduled or disturbed
 * slice on a shared machine does not decide the result. Rates are per CPU second.
 */
import { median } from './support/stats';

/** One timed operation. */
export interface Timing {
  /** Median operations per CPU second over the rounds. */
  opsPerSecond: number;
  /** Median nanoseconds per operation. */
  nsPerOp: number;
  /** Operations run in the median round. */
  iterations: number;
  /** Rounds measured. */
  rounds: number;
}

/** How long and how often to measure. */
export interface TimingOptions {
  /** Minimum CPU time of one round, in milliseconds. */
  minRoundMs?: number;
  /** Rounds to take the median of. */
  rounds?: number;
  /** Warm-up time before the first round, in milliseconds (lets the JIT optimize). */
  warmupMs?: number;
}

const quick = process.env.BENCH_QUICK === '1';
const DEFAULTS: Required<TimingOptions> = quick
  ? { minRoundMs: 50, rounds: 5, warmupMs: 100 }
  : { minRoundMs: 150, rounds: 21, warmupMs: 500 };

/** CPU time of this process (user + system) in milliseconds. */
function cpuMilliseconds(): number {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / 1000;
}

/**
 * Runs `operation(count)` (which must perform `count` operations) in growing batches until
 * `minRoundMs` of CPU time has passed; returns operations per CPU second and the count.
 *
 * CPU time rather than wall time: on a shared machine the process is descheduled at random, which
 * inflates wall time but not the CPU time the work actually used.
 */
async function round(operation: (count: number) => unknown, minRoundMs: number): Promise<[number, number]> {
  let batch = 1;
  let done = 0;
  const started = cpuMilliseconds();
  let elapsed = 0;
  while (elapsed < minRoundMs) {
    await operation(batch);
    done += batch;
    elapsed = cpuMilliseconds() - started;
    if (elapsed < minRoundMs / 4) batch *= 2;
  }
  return [(done / elapsed) * 1000, done];
}

/** Times a batched operation: `operation(count)` performs `count` operations (sync or async). */
export async function time(
  operation: (count: number) => unknown,
  options: TimingOptions = {},
): Promise<Timing> {
  const settings = { ...DEFAULTS, ...options };
  await round(operation, settings.warmupMs);
  const rates: number[] = [];
  const counts: number[] = [];
  for (let index = 0; index < settings.rounds; index++) {
    const [rate, count] = await round(operation, settings.minRoundMs);
    rates.push(rate);
    counts.push(count);
  }
  const opsPerSecond = median(rates);
  return {
    opsPerSecond: Math.round(opsPerSecond),
    nsPerOp: Math.round((1e9 / opsPerSecond) * 10) / 10,
    iterations: counts[rates.indexOf(opsPerSecond)] ?? counts[0]!,
    rounds: settings.rounds,
  };
}

/**
 * Times two operations in alternating rounds (so drift in machine load hits both alike) and returns
 * each median plus the median of the per-round throughput ratios `subject / reference`.
 */
export async function compare(
  subject: (count: number) => unknown,
  reference: (count: number) => unknown,
  options: TimingOptions = {},
): Promise<{ subject: Timing; reference: Timing; ratio: number }> {
  const settings = { ...DEFAULTS, ...options };
  await round(subject, settings.warmupMs);
  await round(reference, settings.warmupMs);
  const subjectRates: number[] = [];
  const referenceRates: number[] = [];
  const ratios: number[] = [];
  for (let index = 0; index < settings.rounds; index++) {
    const [subjectRate] = await round(subject, settings.minRoundMs);
    const [referenceRate] = await round(reference, settings.minRoundMs);
    subjectRates.push(subjectRate);
    referenceRates.push(referenceRate);
    ratios.push(subjectRate / referenceRate);
  }
  const summarize = (rates: number[]): Timing => {
    const opsPerSecond = median(rates);
    return {
      opsPerSecond: Math.round(opsPerSecond),
      nsPerOp: Math.round((1e9 / opsPerSecond) * 10) / 10,
      iterations: 0,
      rounds: settings.rounds,
    };
  };
  return {
    subject: summarize(subjectRates),
    reference: summarize(referenceRates),
    ratio: Math.round(median(ratios) * 1000) / 1000,
  };
}

// Written by consume() so the JIT cannot prove the measured work unused and drop it.
let sink: unknown;

/** Keeps `value` observable so the JIT cannot drop the work that produced it. */
export function consume(value: unknown): void {
  sink = value;
}

/** The last consumed value (read once at the end so `sink` is not dead either). */
export function lastConsumed(): unknown {
  return sink;
}
