/**
 * In-process measurement for a benchmark worker: wall time, CPU time (user + system, from
 * `process.cpuUsage`) and peak resident memory. Each worker is a fresh process, so the kernel's
 * `maxRSS` is the peak of exactly one side of a comparison.
 */

/** What one measured run cost. */
export interface Measurement {
  wallMs: number;
  /** User plus system CPU time. */
  cpuMs: number;
  cpuUserMs: number;
  cpuSystemMs: number;
  peakRssBytes: number;
}

/** Runs `work` and reports its wall and CPU time and the process's peak RSS so far. */
export async function measure(work: () => Promise<void>): Promise<Measurement> {
  const cpuBefore = process.cpuUsage();
  const started = performance.now();
  await work();
  const wallMs = performance.now() - started;
  const cpu = process.cpuUsage(cpuBefore);
  return {
    wallMs,
    cpuMs: (cpu.user + cpu.system) / 1000,
    cpuUserMs: cpu.user / 1000,
    cpuSystemMs: cpu.system / 1000,
    // resourceUsage().maxRSS is in kibibytes.
    peakRssBytes: process.resourceUsage().maxRSS * 1024,
  };
}
