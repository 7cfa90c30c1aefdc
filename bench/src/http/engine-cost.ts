/**
 * The engine's own cost per HTTP request, without sockets: `@xinghuo/core`'s client with
 * `protocol: 'http'` over a `fetch` that answers from memory (a `Response` whose SSE body yields one
 * chunk per macrotask, as a socket would), read with `textStream`. Everything measured is the
 * engine's plus the Web streams a `fetch` response is made of; undici's request side is left out.
 * `npx tsx src/http/engine-cost.ts` prints microseconds of CPU per request at 1 and 100 concurrent.
 *
 * `ENGINE_COST_CORE` names another build of `@xinghuo/core` to measure (the path of a copy of its
 * `dist/index.js`): runs of two builds, alternated, compare them on a machine too busy for one run each.
 */
import type * as Core from '@xinghuo/core';
import { type BatchRunner, cpuMicrosPerRequest, ENGINE_COST_ANSWER, engineLoop } from '../support/measure';

const { createSparkEngine } = (await import(process.env.ENGINE_COST_CORE ?? '@xinghuo/core')) as typeof Core;

const PIECES = ENGINE_COST_ANSWER.match(/.{1,10}/gsu) ?? [];
const encoder = new TextEncoder();

/** The body the mock's `/v1` face sends for {@link ENGINE_COST_ANSWER}: `data:` without a space, usage on the last chunk. */
const CHUNKS = [
  ...PIECES.map((content, index) => {
    const last = index === PIECES.length - 1;
    const chunk = {
      code: 0,
      message: 'Success',
      sid: 'cha000b0001@dx0000000000000000',
      id: 'cha000b0001@dx0000000000000000',
      created: 1764000000,
      choices: [
        { index: 0, delta: { role: 'assistant', content }, ...(last ? { finish_reason: 'stop' } : {}) },
      ],
      ...(last ? { usage: { prompt_tokens: 2, completion_tokens: 40, total_tokens: 42 } } : {}),
    };
    return encoder.encode(`data:${JSON.stringify(chunk)}\n\n`);
  }),
  encoder.encode('data:[DONE]\n\n'),
];

/** A `fetch` that answers every request with {@link CHUNKS}, one per macrotask. */
async function memoryFetch(_input: string, init: RequestInit): Promise<Response> {
  if (typeof init.body !== 'string') throw new Error('expected a JSON body');
  let index = 0;
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      return new Promise<void>((resolve) =>
        setImmediate(() => {
          const chunk = CHUNKS[index++];
          if (chunk) controller.enqueue(chunk);
          else controller.close();
          resolve();
        }),
      );
    },
  });
  return new Response(body, { headers: { 'content-type': 'text/event-stream' } });
}

/** Runs `count` SDK requests over {@link memoryFetch}, `concurrency` at a time, each checked whole. */
export function engineRunner(concurrency: number): BatchRunner {
  const client = createSparkEngine({
    protocol: 'http',
    apiPassword: 'bench-password',
    fetch: memoryFetch,
    defaultModel: 'lite',
  });
  return engineLoop(client, concurrency);
}

/** CPU microseconds per HTTP request over `count` requests, `concurrency` at a time (after a warm-up). */
export async function httpEngineCostPerRequest(count: number, concurrency: number): Promise<number> {
  return cpuMicrosPerRequest(engineRunner(concurrency), count);
}

if (process.argv[1]?.includes('engine-cost')) {
  const count = Number(process.env.ENGINE_COST_COUNT ?? 5000);
  for (const concurrency of [1, 100]) {
    const runs: number[] = [];
    for (let run = 0; run < 3; run += 1) runs.push(await httpEngineCostPerRequest(count, concurrency));
    const best = Math.min(...runs);
    process.stdout.write(
      `HTTP engine cost at ${concurrency} concurrent: ${best.toFixed(1)} µs CPU per request, least of ` +
        `${runs.map((micros) => micros.toFixed(0)).join('/')} (${CHUNKS.length} chunks)\n`,
    );
  }
}
