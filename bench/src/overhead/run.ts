/**
 * Overhead benchmark: `@xinghuo/node` against the hand-written `ws` client, streaming the same
 * answers from the mock at 1, 100 and 1,000 concurrent streams.
 *
 * Every run is a fresh `node` process (so peak RSS is one side's own), the mock lives in another
 * child (so its CPU is counted for neither side), sides rotate order every round, and the reported
 * figure per side is the median over rounds. Two diagnostic sides locate the overhead: the SDK
 * signing with `node:crypto`, and the Node transport under the hand-written loop.
 */
import { startMockProcess } from '../support/mock-process';
import { compareSides, type SideComparison, type SideSummary, summarizeRuns } from '../support/side-summary';
import { round } from '../support/stats';
import { runWorker } from '../support/workers';
import { baselineChat } from './baseline-client';
import type { SideTarget } from './sides';
import type { OverheadSide, OverheadWorkerInput, OverheadWorkerResult } from './worker';

const SIDES: readonly OverheadSide[] = ['baseline', 'sdk', 'sdk-webcrypto', 'node-transport'];

/** One concurrency level: how many streams run at once and how many waves of them a run makes. */
export interface OverheadLevel {
  concurrency: number;
  waves: number;
}

/** Options of {@link runOverheadBenchmark}. */
export interface OverheadOptions {
  levels: readonly OverheadLevel[];
  rounds: number;
  /** Built worker files: `overhead-worker` and `mock-child`. */
  files: { worker: string; mockChild: string };
  log?: (line: string) => void;
}

/** Medians of one side at one level. */
export type OverheadSideSummary = SideSummary;

/** One side compared with the baseline (side / baseline). */
export type OverheadComparison = SideComparison;

/** Result of one level: the SDK against the baseline, plus the diagnostic variants. */
export interface OverheadLevelResult extends OverheadComparison {
  concurrency: number;
  streamsPerRun: number;
  rounds: number;
  sdk: OverheadSideSummary;
  baseline: OverheadSideSummary;
  /** Diagnostics: the SDK signing with `node:crypto`, and the Node transport without the engine. */
  diagnostics: {
    sdkWebCrypto: OverheadSideSummary & OverheadComparison;
    nodeTransport: OverheadSideSummary & OverheadComparison;
  };
}

/** Distinct prompts, so answers differ between streams and the mock picks different templates. */
export const OVERHEAD_PROMPTS = [
  '你好',
  '讲个笑话',
  'What is Spark?',
  '总结一下这段话',
  'Explain WebSockets',
  '写一首诗',
];

/** Runs the whole overhead benchmark and returns one result per level. */
export async function runOverheadBenchmark(options: OverheadOptions): Promise<OverheadLevelResult[]> {
  const log = options.log ?? (() => {});
  const expected = await withMock(options.files.mockChild, (target) => expectedAnswers(target));
  const results: OverheadLevelResult[] = [];
  for (const level of options.levels) {
    const runs: Record<OverheadSide, OverheadWorkerResult[]> = {
      sdk: [],
      'sdk-webcrypto': [],
      'node-transport': [],
      baseline: [],
    };
    for (let roundIndex = 0; roundIndex < options.rounds; roundIndex += 1) {
      // Rotate the order so no side always runs first (or last) on a machine whose load drifts.
      const shift = roundIndex % SIDES.length;
      const order = [...SIDES.slice(shift), ...SIDES.slice(0, shift)];
      for (const side of order) {
        // A fresh mock (a new port) per run: closed connections linger in TIME_WAIT for a minute, and
        // a client dialling the same port again pays for searching past them in connect(). A new
        // destination port gives every run the same clean start.
        const result = await withMock(options.files.mockChild, (target) => {
          const input: OverheadWorkerInput = { side, target, expected, ...level };
          return runWorker<OverheadWorkerResult>(options.files.worker, input);
        });
        runs[side].push(result);
        log(
          `overhead c=${level.concurrency} round ${roundIndex + 1} ${side}: ${round(result.wallMs)} ms wall, ` +
            `${round(result.cpuMs)} ms cpu, ${round(result.peakRssBytes / 2 ** 20)} MiB rss, ` +
            `${result.completeAnswers}/${result.streams} complete`,
        );
      }
    }
    const baseline = summarizeRuns(runs.baseline);
    const sdk = summarizeRuns(runs.sdk);
    const sdkWebCrypto = summarizeRuns(runs['sdk-webcrypto']);
    const nodeTransport = summarizeRuns(runs['node-transport']);
    results.push({
      concurrency: level.concurrency,
      streamsPerRun: level.concurrency * level.waves,
      rounds: options.rounds,
      sdk,
      baseline,
      ...compareSides(sdk, baseline),
      diagnostics: {
        sdkWebCrypto: { ...sdkWebCrypto, ...compareSides(sdkWebCrypto, baseline) },
        nodeTransport: { ...nodeTransport, ...compareSides(nodeTransport, baseline) },
      },
    });
  }
  return results;
}

/** Runs `work` against a mock child started for it alone, and stops the mock afterwards. */
export async function withMock<Result>(
  mockChild: string,
  work: (target: SideTarget) => Promise<Result>,
): Promise<Result> {
  const mock = await startMockProcess(mockChild);
  try {
    return await work({
      baseURL: mock.url.replace(/\/+$/, ''),
      credentials: mock.credentials,
      model: 'lite',
      path: '/v1.1/chat',
      domain: 'lite',
    });
  } finally {
    await mock.stop();
  }
}

/**
 * The answer the mock gives each prompt, fetched once with the baseline client (it concatenates
 * every frame's content, the obviously complete reading); both sides are checked against it on
 * every stream.
 */
export async function expectedAnswers(target: SideTarget): Promise<Record<string, string>> {
  const answers: Record<string, string> = {};
  for (const prompt of OVERHEAD_PROMPTS) {
    const answer = await baselineChat(
      {
        url: `${target.baseURL}${target.path}`,
        domain: target.domain,
        messages: [{ role: 'user', content: prompt }],
      },
      target.credentials,
    );
    answers[prompt] = answer.text;
  }
  return answers;
}
