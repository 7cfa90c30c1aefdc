/**
 * In-process measurement for a benchmark worker: wall time, CPU time (user + system, from
 * `process.cpuUsage`) and peak resident memory. Each worker is a fresh process, so the kernel's
 * `maxRSS` is the peak of exactly one side of a comparison. Also CPU time per request of an in-process
 * request loop (the engine-cost scripts).
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

/** Runs `count` requests of `one`, `concurrency` at a time, each batch awaited before the next. */
export type BatchRunner = (count: number) => Promise<void>;

/** A {@link BatchRunner} over `one`: batches of `concurrency` concurrent calls, the last one smaller. */
function inBatches(one: () => Promise<void>, concurrency: number): BatchRunner {
  return async (count) => {
    for (let done = 0; done < count; done += concurrency) {
      await Promise.all(Array.from({ length: Math.min(concurrency, count - done) }, one));
    }
  };
}

/** Requests run before an in-process measurement, so the measured ones run optimized code. */
const WARM_UP = 500;

/**
 * Runs up to {@link WARM_UP} requests of `run` before measuring `count` of them: optimized code runs
 * faster and allocates differently from the interpreter.
 */
export function warmUp(run: BatchRunner, count: number): Promise<void> {
  return run(Math.min(count, WARM_UP));
}

/** CPU microseconds (user + system) per request over `count` requests of `run`, after {@link warmUp}. */
export async function cpuMicrosPerRequest(run: BatchRunner, count: number): Promise<number> {
  await warmUp(run, count);
  const before = process.cpuUsage();
  await run(count);
  const cpu = process.cpuUsage(before);
  return (cpu.user + cpu.system) / count;
}

/** The answer the engine-cost scripts' in-memory transports send, read back whole by {@link readsAnswer}. */
export const ENGINE_COST_ANSWER =
  '你好！我是讯飞星火认知大模型，很高兴为你服务。TypeScript 是 JavaScript 的超集，它增加了静态类型检查。';

/** The part of an engine an engine-cost loop calls (structural, so another build of core fits too). */
interface TextStreaming {
  stream(request: { messages: { role: 'user'; content: string }[] }): { textStream: AsyncIterable<string> };
}

/**
 * One engine-cost request: streams `你好` through `engine`, reads `textStream` as the overhead
 * benchmark reads, and throws unless the text is {@link ENGINE_COST_ANSWER} whole.
 */
function readsAnswer(engine: TextStreaming): () => Promise<void> {
  return async () => {
    let text = '';
    for await (const delta of engine.stream({ messages: [{ role: 'user', content: '你好' }] }).textStream) {
      text += delta;
    }
    if (text !== ENGINE_COST_ANSWER) throw new Error(`wrong answer: ${text}`);
  };
}

/**
 * The engine-cost scripts' request loop: {@link readsAnswer} through `engine`, `concurrency` requests
 * at a time.
 */
export function engineLoop(engine: TextStreaming, concurrency: number): BatchRunner {
  return inBatches(readsAnswer(engine), concurrency);
}
