/**
 * Bytes allocated per request, from V8's sampling heap profiler with collected objects included
 * (the `includeObjectsCollectedBy…GC` flags): garbage counts, since it is what the collector has to
 * clear, so the totals are bytes allocated, not bytes retained. Allocation figures move far less
 * than CPU time on a busy machine: they compare two builds where CPU time cannot.
 */
import { Session } from 'node:inspector/promises';
import { locate } from './cpu-profile';
import { type BatchRunner, warmUp } from './measure';

/** One node of V8's sampling heap profile. */
interface SamplingHeapProfileNode {
  callFrame: { functionName: string; url: string; lineNumber: number };
  selfSize: number;
  children: SamplingHeapProfileNode[];
}

/** One allocation site: a function, where it lives (package file:line) and the bytes it allocated per request. */
export interface AllocationSite {
  name: string;
  where: string;
  bytesPerRequest: number;
}

/** What {@link sampleAllocations} measured. */
export interface AllocationSample {
  bytesPerRequest: number;
  /** By allocating function, largest first. */
  sites: AllocationSite[];
}

/**
 * Samples the allocations of `run(count)`, after a warm-up ({@link warmUp}: optimized code allocates
 * differently from the interpreter), and divides them by `count`. `samplingInterval` is V8's mean
 * bytes between samples.
 */
export async function sampleAllocations(
  run: BatchRunner,
  count: number,
  samplingInterval = 256,
): Promise<AllocationSample> {
  await warmUp(run, count);
  const session = new Session();
  session.connect();
  let head: SamplingHeapProfileNode;
  try {
    await session.post('HeapProfiler.enable');
    await session.post('HeapProfiler.startSampling', {
      samplingInterval,
      includeObjectsCollectedByMajorGC: true,
      includeObjectsCollectedByMinorGC: true,
    });
    await run(count);
    const { profile } = (await session.post('HeapProfiler.stopSampling')) as {
      profile: { head: SamplingHeapProfileNode };
    };
    head = profile.head;
  } finally {
    session.disconnect();
  }
  const sites = new Map<string, AllocationSite>();
  let total = 0;
  const walk = (node: SamplingHeapProfileNode) => {
    for (const child of node.children) walk(child);
    if (node.selfSize === 0) return;
    const frame = node.callFrame;
    const name = frame.functionName || '(anonymous)';
    const where = `${locate(frame.url)}:${frame.lineNumber + 1}`;
    const key = `${name} ${where}`;
    const site = sites.get(key) ?? { name, where, bytesPerRequest: 0 };
    site.bytesPerRequest += node.selfSize / count;
    sites.set(key, site);
    total += node.selfSize;
  };
  walk(head);
  return {
    bytesPerRequest: total / count,
    sites: [...sites.values()].sort((a, b) => b.bytesPerRequest - a.bytesPerRequest),
  };
}
