/**
 * Reading a V8 `.cpuprofile` (written by `node --cpu-prof`): self time per function, divided by the
 * streams of the run, so each row reads as microseconds per request.
 */
import { mkdir, readdir, readFile, rm } from 'node:fs/promises';
import { WARM_UP_REQUESTS } from './stream-waves';
import { runWorker } from './workers';

/** One node of a V8 `.cpuprofile`. */
interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}

/** The parts of a V8 `.cpuprofile` the self-time sum reads. */
export interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/** Self time of one function, in µs per stream. */
export interface FunctionCost {
  name: string;
  where: string;
  microsPerRequest: number;
}

/** Where a frame's code lives: the package (or `node:` internals, the worker itself, a bench source). */
export function locate(url: string): string {
  const pkg =
    /packages\/([^/]+)\/dist\/([^?]+)/.exec(url) ?? /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(url);
  if (pkg) return pkg[2] ? `${pkg[1]}/${pkg[2]}` : (pkg[1] as string);
  if (url.startsWith('node:')) return 'node internals';
  if (url === '') return '(native)';
  if (url.includes('/workers/')) return 'bench worker';
  // The bench's own sources, run in process by tsx: relative, so no machine path lands in a report.
  const benchSource = /\/(bench\/src\/[^?]+)/.exec(url);
  if (benchSource) return benchSource[1] as string;
  return url.replace(/^file:\/\//, '');
}

/** True for code of `@xinghuo/core` or `@xinghuo/node`. */
export function isSdkCode(where: string): boolean {
  return where.startsWith('core/') || where.startsWith('node/');
}

/** Sums self time per (function, file) over the whole profile, idle and program time left out. */
export function selfTimes(
  profile: CpuProfile,
  streams: number,
): { costs: FunctionCost[]; totalMicros: number } {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const selfMicros = new Map<number, number>();
  profile.samples.forEach((id, index) => {
    selfMicros.set(id, (selfMicros.get(id) ?? 0) + (profile.timeDeltas[index] ?? 0));
  });
  const grouped = new Map<string, FunctionCost>();
  let totalMicros = 0;
  for (const [id, micros] of selfMicros) {
    const node = byId.get(id);
    if (!node) continue;
    const name = node.callFrame.functionName || '(anonymous)';
    if (name === '(idle)' || name === '(program)') continue;
    totalMicros += micros;
    const where = locate(node.callFrame.url);
    const key = `${name} ${where}:${node.callFrame.lineNumber}`;
    const cost = grouped.get(key) ?? {
      name,
      where: `${where}:${node.callFrame.lineNumber + 1}`,
      microsPerRequest: 0,
    };
    cost.microsPerRequest += micros / streams;
    grouped.set(key, cost);
  }
  const costs = [...grouped.values()].sort((a, b) => b.microsPerRequest - a.microsPerRequest);
  return { costs, totalMicros: totalMicros / streams };
}

/**
 * Runs a benchmark worker under `node --cpu-prof` (sampling every `intervalMicros`, the profile
 * written into `directory`, emptied first) and sums its self times per request. The worker's
 * warm-up streams are in the profile too, so they are counted with the streams it reports.
 */
export async function profileWorker<Result extends { streams: number }>(
  file: string,
  input: unknown,
  { directory, intervalMicros }: { directory: string; intervalMicros: number },
): Promise<{ result: Result; costs: FunctionCost[]; totalMicros: number }> {
  await rm(directory, { recursive: true, force: true });
  await mkdir(directory, { recursive: true });
  const result = await runWorker<Result>(file, input, [
    '--cpu-prof',
    `--cpu-prof-interval=${intervalMicros}`,
    `--cpu-prof-dir=${directory}`,
  ]);
  const [profileFile] = (await readdir(directory)).filter((name) => name.endsWith('.cpuprofile'));
  if (!profileFile) throw new Error(`no CPU profile written in ${directory}`);
  const profile = JSON.parse(await readFile(`${directory}${profileFile}`, 'utf8')) as CpuProfile;
  return { result, ...selfTimes(profile, result.streams + WARM_UP_REQUESTS) };
}
