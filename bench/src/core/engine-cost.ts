/**
 * The engine's own cost per request, without sockets: `@xinghuo/core`'s client over a transport that
 * answers from memory (frames pushed one per macrotask into an `AsyncQueue`, as a socket would), read
 * with `textStream` as the overhead benchmark reads, signing left out: everything measured here is
 * the engine's. `npx tsx src/core/engine-cost.ts` prints microseconds of CPU per request.
 */
import { createSparkEngine, type SparkConnection, type SparkTransport } from '@xinghuo/core';
import { answerFrames } from '@xinghuo/core/testing';
import { AsyncQueue } from '@xinghuo/core/transport';
import { type AllocationSample, sampleAllocations } from '../support/heap-profile';
import { type BatchRunner, cpuMicrosPerRequest, ENGINE_COST_ANSWER, engineLoop } from '../support/measure';

const FRAMES = answerFrames(ENGINE_COST_ANSWER, { chunkSize: 10 }).map((frame) => JSON.stringify(frame));

/** A socket-like transport: the answer's frames arrive one per macrotask after the request is sent. */
const memorySocketTransport: SparkTransport = async () => {
  const inbound = new AsyncQueue<string>();
  const connection: SparkConnection = {
    send() {
      let index = 0;
      const deliver = () => {
        inbound.push(FRAMES[index++] as string);
        if (index < FRAMES.length) setImmediate(deliver);
        else setImmediate(() => inbound.end());
      };
      setImmediate(deliver);
    },
    messages: () => inbound,
    close: () => inbound.close(),
  };
  return connection;
};

/** Runs `count` requests, `concurrency` at a time, through a fresh engine over the memory transport. */
function engineRunner(concurrency: number): BatchRunner {
  // Signing is left out (the URL is returned as is): the hand-written client signs too, and the
  // signers have benchmarks of their own.
  const client = createSparkEngine({
    appId: 'app12345',
    signUrl: async ({ url }) => url,
    transport: memorySocketTransport,
    defaultModel: 'lite',
  });
  return engineLoop(client, concurrency);
}

/** CPU microseconds per request over `count` requests, `concurrency` at a time (after a warm-up). */
export async function engineCostPerRequest(count: number, concurrency: number): Promise<number> {
  return cpuMicrosPerRequest(engineRunner(concurrency), count);
}

/**
 * Bytes allocated per request, in total and by function, from V8's sampling heap profiler with
 * collected objects included (so garbage counts: it is what the garbage collector has to clear).
 * Deterministic enough to compare builds on a busy machine, where CPU time is not.
 */
export async function engineAllocations(count: number, concurrency: number): Promise<AllocationSample> {
  return sampleAllocations(engineRunner(concurrency), count);
}

if (process.argv[1]?.includes('engine-cost')) {
  for (const concurrency of [1, 100]) {
    const micros = await engineCostPerRequest(Number(process.env.ENGINE_COST_COUNT ?? 5000), concurrency);
    process.stdout.write(
      `engine cost at ${concurrency} concurrent: ${micros.toFixed(1)} µs CPU per request (${FRAMES.length} frames)\n`,
    );
  }
  const { bytesPerRequest } = await engineAllocations(5000, 100);
  process.stdout.write(`engine allocations: ${Math.round(bytesPerRequest)} bytes per request\n`);
}
