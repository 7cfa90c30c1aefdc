/**
 * The engine's own cost per request, without sockets: `@xinghuo/core`'s client over a transport that
 * answers from memory (frames pushed one per macrotask into an `AsyncQueue`, as a socket would), read
 * with `textStream` as the overhead benchmark reads, signing left out: everything measured here is
 * the engine's. `npx tsx src/core/engine-cost.ts` prints microseconds of CPU per request.
 */
import { createSparkEngine, type SparkConnection, type SparkTransport } from '@xinghuo/core';
import { answerFrames } from '@xinghuo/core/testing';
import { AsyncQueue } from '@xinghuo/core/transport';

const ANSWER =
  '你好！我是讯飞星火认知大模型，很高兴为你服务。TypeScript 是 JavaScript 的超集，它增加了静态类型检查。';
const FRAMES = answerFrames(ANSWER, { chunkSize: 10 }).map((frame) => JSON.stringify(frame));

/** A socket-like transport: the answer's frames arrive one per macrotask after the request is sent. */
export const memorySocketTransport: SparkTransport = async () => {
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

/** CPU microseconds per request over `count` requests, `concurrency` at a time. */
export async function engineCostPerRequest(count: number, concurrency: number): Promise<number> {
  // Signing is left out (the URL is returned as is): the hand-written client signs too, and the
  // signers have benchmarks of their own.
  const client = createSparkEngine({
    appId: 'app12345',
    signUrl: ({ url }) => url,
    transport: memorySocketTransport,
    defaultModel: 'lite',
  });
  const one = async () => {
    let text = '';
    for await (const delta of client.stream({ messages: [{ role: 'user', content: '你好' }] }).textStream) {
      text += delta;
    }
    if (text !== ANSWER) throw new Error('wrong answer');
  };
  const run = async (total: number) => {
    for (let done = 0; done < total; done += concurrency) {
      await Promise.all(Array.from({ length: Math.min(concurrency, total - done) }, one));
    }
  };
  await run(Math.min(count, 500));
  const before = process.cpuUsage();
  await run(count);
  const cpu = process.cpuUsage(before);
  return (cpu.user + cpu.system) / count;
}

if (process.argv[1]?.includes("engine-cost")) {
  for (const concurrency of [1, 100]) {
    const micros = await engineCostPerRequest(Number(process.env.ENGINE_COST_COUNT ?? 5000), concurrency);
    process.stdout.write(
      `engine cost at ${concurrency} concurrent: ${micros.toFixed(1)} µs CPU per request (${FRAMES.length} frames)\n`,
    );
  }
}
