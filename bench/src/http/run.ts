/**
 * HTTP benchmark: `@xinghuo/node` over Spark's OpenAI-compatible HTTP API against a hand-written
 * `fetch` + SSE client and against the `openai` package (v5), all pointed at the mock's `/v1`, at
 * several concurrency levels; then a tool-call scenario that counts the function calls each client
 * gets out of Spark's `tool_calls`.
 *
 * Same method as the overhead benchmark: a fresh `node` process per run (so peak RSS is one side's
 * own), the mock in another child (a fresh one per run, so no side dials past another's TIME_WAIT
 * sockets), sides rotating order every round, medians over rounds.
 */
import { startMockProcess } from '../support/mock-process';
import { compareSides, type SideComparison, type SideSummary, summarizeRuns } from '../support/side-summary';
import { round } from '../support/stats';
import type { WaveLoad } from '../support/stream-waves';
import { runWorker } from '../support/workers';
import { answerCounts, type HttpAnswerCounts } from './answer-counts';
import { baselineHttpChat, type HttpAnswer } from './baseline-client';
import { baselineHttpRequest, type HttpScenario, type HttpTarget, WEATHER_TOOL } from './sides';
import type { HttpSide, HttpWorkerInput, HttpWorkerResult } from './worker';

/** The sides timed against each other (`baseline-signal` is a diagnostic: what a signal costs `fetch`). */
const TIMED_SIDES = ['baseline', 'sdk', 'openai', 'baseline-signal'] as const satisfies readonly HttpSide[];
/** The sides of the tool-call count. */
const TOOL_SIDES = ['sdk', 'sdk-one-object', 'baseline', 'openai'] as const satisfies readonly HttpSide[];

/** Options of {@link runHttpBenchmark}. */
export interface HttpBenchmarkOptions {
  levels: readonly WaveLoad[];
  rounds: number;
  /** Streams per side in the tool-call scenario (one run each, counted, not timed against a goal). */
  toolLoad: WaveLoad;
  /** Built worker files: `http-worker` and `mock-child`. */
  files: { worker: string; mockChild: string };
  log?: (line: string) => void;
}

/** Medians of one side at one level, plus its failed streams. */
export interface HttpSideSummary extends SideSummary {
  /** Most failed streams in any round. */
  errors: number;
}

/** One concurrency level: our SDK against both baselines. */
export interface HttpLevelResult {
  concurrency: number;
  streamsPerRun: number;
  rounds: number;
  sdk: HttpSideSummary;
  baseline: HttpSideSummary;
  openai: HttpSideSummary;
  /** SDK / hand-written client. */
  vsBaseline: SideComparison;
  /** SDK / openai-node. */
  vsOpenai: SideComparison;
  /** Diagnostic: the hand-written client giving `fetch` an `AbortSignal` per request. */
  baselineWithSignal: HttpSideSummary;
  /** Hand-written client with a signal / without: what the signal alone costs. */
  signalVsBaseline: SideComparison;
}

/** What one side made of the tool-call scenario. */
export interface HttpToolSideResult extends HttpAnswerCounts {
  /** What the mock sent this side: `tool_calls` as an array (switch on) or one object (Spark's default). */
  toolCallsForm: 'array' | 'one object';
}

/** Everything the HTTP benchmark measured. */
export interface HttpBenchmarkResult {
  levels: HttpLevelResult[];
  tools: Record<(typeof TOOL_SIDES)[number], HttpToolSideResult>;
}

/** Distinct prompts, so answers differ between streams. */
export const HTTP_PROMPTS = [
  '你好',
  '讲个笑话',
  'What is Spark?',
  '总结一下这段话',
  'Explain SSE',
  '写一首诗',
];
/** Questions of the tool scenario (the mock calls the only function offered, with arguments per schema). */
export const TOOL_PROMPTS = [
  'What is the weather in Hefei?',
  '北京今天天气怎么样？',
  'Weather in Shanghai, please',
];

/** Runs the whole HTTP benchmark. */
export async function runHttpBenchmark(options: HttpBenchmarkOptions): Promise<HttpBenchmarkResult> {
  const log = options.log ?? (() => {});
  const expected = await withMock(options.files.mockChild, async (target) => ({
    text: await expectedAnswers(target, HTTP_PROMPTS, 'text'),
    tools: await expectedAnswers(target, TOOL_PROMPTS, 'tools'),
  }));
  for (const [prompt, answer] of Object.entries(expected.tools)) {
    // The count below means something only if the reference reading did get the one call.
    if (answer.toolCalls.length !== 1 || answer.toolCalls[0]?.name !== WEATHER_TOOL.function.name) {
      throw new Error(`the mock did not call ${WEATHER_TOOL.function.name} for "${prompt}"`);
    }
  }

  const run = (side: HttpSide, scenario: HttpScenario, load: WaveLoad) =>
    withMock(options.files.mockChild, (target) => {
      const input: HttpWorkerInput = { side, scenario, target, expected: expected[scenario], ...load };
      return runWorker<HttpWorkerResult>(options.files.worker, input);
    });

  const levels: HttpLevelResult[] = [];
  for (const level of options.levels) {
    const runs: Record<(typeof TIMED_SIDES)[number], HttpWorkerResult[]> = {
      baseline: [],
      sdk: [],
      openai: [],
      'baseline-signal': [],
    };
    for (let roundIndex = 0; roundIndex < options.rounds; roundIndex += 1) {
      // Rotate the order so no side always runs first (or last) on a machine whose load drifts.
      const shift = roundIndex % TIMED_SIDES.length;
      for (const side of [...TIMED_SIDES.slice(shift), ...TIMED_SIDES.slice(0, shift)]) {
        const result = await run(side, 'text', level);
        runs[side].push(result);
        log(
          `http c=${level.concurrency} round ${roundIndex + 1} ${side}: ${round(result.wallMs)} ms wall, ` +
            `${round(result.cpuMs)} ms cpu, ${round(result.peakRssBytes / 2 ** 20)} MiB rss, ` +
            `${result.completeAnswers}/${result.streams} complete, ${result.errors} errors`,
        );
      }
    }
    const summarize = (side: (typeof TIMED_SIDES)[number]): HttpSideSummary => ({
      ...summarizeRuns(runs[side]),
      errors: Math.max(...runs[side].map((result) => result.errors)),
    });
    const sdk = summarize('sdk');
    const baseline = summarize('baseline');
    const openai = summarize('openai');
    const baselineWithSignal = summarize('baseline-signal');
    levels.push({
      concurrency: level.concurrency,
      streamsPerRun: level.concurrency * level.waves,
      rounds: options.rounds,
      sdk,
      baseline,
      openai,
      vsBaseline: compareSides(sdk, baseline),
      vsOpenai: compareSides(sdk, openai),
      baselineWithSignal,
      signalVsBaseline: compareSides(baselineWithSignal, baseline),
    });
  }

  const tools = {} as HttpBenchmarkResult['tools'];
  for (const side of TOOL_SIDES) {
    const result = await run(side, 'tools', options.toolLoad);
    tools[side] = {
      ...answerCounts(result),
      toolCallsForm: side === 'sdk' ? 'array' : 'one object',
    };
    log(
      `http tools ${side}: ${result.wholeToolCalls}/${result.expectedToolCalls} tool calls whole, ` +
        `${result.completeAnswers}/${result.streams} answers whole, ${result.errors} errors` +
        (result.firstError ? ` (${result.firstError})` : ''),
    );
  }
  return { levels, tools };
}

/** Runs `work` against a mock child started for it alone, and stops the mock afterwards. */
export async function withMock<Result>(
  mockChild: string,
  work: (target: HttpTarget) => Promise<Result>,
): Promise<Result> {
  const mock = await startMockProcess(mockChild);
  try {
    return await work({ httpURL: mock.httpURL.replace(/\/+$/, ''), apiPassword: mock.apiPassword });
  } finally {
    await mock.stop();
  }
}

/**
 * The answer the mock gives each prompt, read once with the hand-written client (it concatenates
 * every chunk's content and keeps every tool call, the obviously complete reading); every side is
 * checked against it on every stream.
 */
export async function expectedAnswers(
  target: HttpTarget,
  prompts: readonly string[],
  scenario: HttpScenario,
): Promise<Record<string, HttpAnswer>> {
  const answers: Record<string, HttpAnswer> = {};
  for (const prompt of prompts) {
    answers[prompt] = await baselineHttpChat(baselineHttpRequest(target, scenario, prompt));
  }
  return answers;
}
