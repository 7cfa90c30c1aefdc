/**
 * Medians of one side's runs and the ratios of one side to another: what the overhead and HTTP
 * comparisons report per concurrency level.
 */
import { median, ratio, round } from './stats';

/** What every streaming worker run reports (see `stream-waves.ts`). */
export interface SideRun {
  wallMs: number;
  cpuMs: number;
  cpuUserMs: number;
  cpuSystemMs: number;
  peakRssBytes: number;
  streams: number;
  completeAnswers: number;
  /** The warm-up before the measured part (see `stream-waves.ts`). */
  warmUp: { cpuMs: number };
}

/** Medians of one side at one level. */
export interface SideSummary {
  wallMs: number;
  cpuMs: number;
  cpuUserMs: number;
  cpuSystemMs: number;
  peakRssMiB: number;
  streamsPerRun: number;
  /** Fewest whole answers in any round. */
  completeAnswers: number;
  /** CPU of the warm-up's first requests: the one-time cost of compiling the side's code. */
  warmUpCpuMs: number;
}

/** One side compared with another (side / reference). */
export interface SideComparison {
  wallTimeRatio: number;
  cpuTimeRatio: number;
  cpuUserTimeRatio: number;
  peakRssRatio: number;
  /** CPU of the warm-up, side / reference: what starting cold costs once per process. */
  warmUpCpuRatio: number;
}

/** The medians of `runs` (and the fewest whole answers of any run). */
export function summarizeRuns(runs: readonly SideRun[]): SideSummary {
  return {
    wallMs: round(median(runs.map((run) => run.wallMs))),
    cpuMs: round(median(runs.map((run) => run.cpuMs))),
    cpuUserMs: round(median(runs.map((run) => run.cpuUserMs))),
    cpuSystemMs: round(median(runs.map((run) => run.cpuSystemMs))),
    peakRssMiB: round(median(runs.map((run) => run.peakRssBytes / 2 ** 20))),
    streamsPerRun: runs[0]?.streams ?? 0,
    completeAnswers: Math.min(...runs.map((run) => run.completeAnswers)),
    warmUpCpuMs: round(median(runs.map((run) => run.warmUp.cpuMs))),
  };
}

/** The ratios `side / reference` of wall time, CPU time, user CPU time and peak RSS. */
export function compareSides(side: SideSummary, reference: SideSummary): SideComparison {
  return {
    wallTimeRatio: ratio(side.wallMs, reference.wallMs),
    cpuTimeRatio: ratio(side.cpuMs, reference.cpuMs),
    cpuUserTimeRatio: ratio(side.cpuUserMs, reference.cpuUserMs),
    peakRssRatio: ratio(side.peakRssMiB, reference.peakRssMiB),
    warmUpCpuRatio: ratio(side.warmUpCpuMs, reference.warmUpCpuMs),
  };
}
