/**
 * `npx tsx src/http/engine-allocations.ts` (in bench/): what the engine allocates per HTTP request,
 * function by function, over the in-process memory `fetch` of `engine-cost.ts`. V8's sampling heap
 * profiler records every sampled allocation, also those the collector has freed since (the
 * `includeObjectsCollectedBy…GC` flags), so the totals are bytes allocated, not bytes retained.
 * Allocation counts change far less than CPU time on a busy machine: they compare two builds where
 * CPU time cannot. Also prints the promises per request by the function that created them.
 *
 * `ALLOCATION_REQUESTS` (default 2000) and `ALLOCATION_TOP` (default 30) change the run.
 */
import { createHook } from 'node:async_hooks';
import { isSdkCode } from '../support/cpu-profile';
import { sampleAllocations } from '../support/heap-profile';
import { engineRunner } from './engine-cost';

const requests = Number(process.env.ALLOCATION_REQUESTS ?? 2000);
const top = Number(process.env.ALLOCATION_TOP ?? 30);
const run = engineRunner(10);

const { bytesPerRequest, sites } = await sampleAllocations(run, requests, 128);
const bytesIn = (test: (where: string) => boolean) =>
  sites.filter((site) => test(site.where)).reduce((sum, site) => sum + site.bytesPerRequest, 0);
const sdk = bytesIn(isSdkCode);
// The HTTP protocol is the chunk the engine loads with `import()`; the rest of core is the engine.
const protocol = bytesIn((where) => where.startsWith('core/http-protocol'));

// Promises per request, by the first frame of the stack that made them (a stack per promise: slow,
// so after the allocation run and over fewer requests).
const promiseRequests = Math.min(requests, 500);
const promises = new Map<string, number>();
const hook = createHook({
  init(_id, type) {
    if (type !== 'PROMISE') return;
    const holder: { stack?: string } = {};
    Error.captureStackTrace(holder);
    const frames = (holder.stack ?? '').split('\n').slice(1);
    // The first frame outside async_hooks and this file is where the promise was made; a native
    // frame (`new Promise`, `then`) is named with the caller that ran it.
    const own = frames
      .filter((line) => !line.includes('node:internal/async_hooks') && !line.includes('engine-allocations'))
      .map((line) =>
        line
          .trim()
          .replace(/^at /, '')
          .replace(/\(?\/\S*\/(packages|bench)\//, '($1/'),
      );
    const native = own[0]?.includes('<anonymous>') ? `${own[0].replace(' (<anonymous>)', '')} in ` : '';
    const key = `${native}${(native ? own[1] : own[0]) ?? '?'}`;
    promises.set(key, (promises.get(key) ?? 0) + 1);
  },
});
hook.enable();
await run(promiseRequests);
hook.disable();

const column = (perRequest: number) => perRequest.toFixed(1).padStart(8);
const promiseRows = [...promises].sort((a, b) => b[1] - a[1]).slice(0, top);
const promiseTotal = [...promises.values()].reduce((sum, count) => sum + count, 0);
process.stdout.write(
  [
    `${requests} requests: ${(bytesPerRequest / 1024).toFixed(1)} KiB allocated per request, ` +
      `${(sdk / 1024).toFixed(1)} KiB of it in @xinghuo code (self), ` +
      `${(protocol / 1024).toFixed(1)} KiB in the HTTP protocol`,
    '--- bytes per request, by allocating function',
    ...sites.slice(0, top).map((site) => `${column(site.bytesPerRequest)}  ${site.name}  ${site.where}`),
    `--- promises per request: ${(promiseTotal / promiseRequests).toFixed(1)}`,
    ...promiseRows.map(([key, count]) => `${column(count / promiseRequests)}  ${key}`),
    '',
  ].join('\n'),
);
