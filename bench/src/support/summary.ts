/**
 * Renders the combined results (`results/summary.json`) as the Markdown table in `bench/README.md`.
 */
import type { HttpBenchmarkResult } from '../http/run';
import type { OverheadComparison, OverheadLevelResult, OverheadSideSummary } from '../overhead/run';
import type { PeerModeResult } from '../peer/run';
import type { MachineInfo } from './machine';
import { markdownTable } from './readme-table';
import { WARM_UP_REQUESTS } from './stream-waves';

/** Everything one `npm run bench` produced. */
export interface Summary {
  machine: MachineInfo;
  quick: boolean;
  parts: Partial<Record<'core' | 'mock-server' | 'overhead' | 'http' | 'peer', unknown>>;
}

/** The goals of the overhead comparison (SDK / baseline). */
export const OVERHEAD_GOALS = { wallTimeRatio: 1.1, cpuTimeRatio: 1.1, peakRssRatio: 1.15 } as const;

/** The goals of the HTTP comparison: SDK / hand-written `fetch` client, and SDK / openai-node. */
export const HTTP_GOALS = {
  vsBaseline: OVERHEAD_GOALS,
  vsOpenai: { wallTimeRatio: 1, cpuTimeRatio: 1, peakRssRatio: 1.15 },
} as const;

const mark = (value: number, goal: number) => `${value.toFixed(2)} ${value <= goal ? '✓' : '✗'}`;

/** The Markdown of the results section. */
export function renderSummary(summary: Summary): string {
  const { machine } = summary;
  const sections = [
    `Run on **${machine.cpuModel}** (${machine.cores} cores, ${machine.memoryGiB} GiB), Node ${machine.node}, ` +
      `${machine.platform}, ${machine.date.slice(0, 16).replace('T', ' ')} UTC.` +
      (summary.quick ? ' **Quick mode: smoke-test sizes, not for comparison.**' : ''),
  ];
  const overhead = summary.parts.overhead as { levels: OverheadLevelResult[] } | undefined;
  if (overhead) sections.push(renderOverhead(overhead.levels));
  const http = summary.parts.http as HttpBenchmarkResult | undefined;
  if (http) sections.push(renderHttp(http));
  const peer = summary.parts.peer as { modes: PeerModeResult[] } | undefined;
  if (peer) sections.push(renderPeer(peer.modes));
  const mockServer = summary.parts['mock-server'] as MockCapacity | undefined;
  if (mockServer) sections.push(renderMockCapacity(mockServer));
  if (summary.parts.core !== undefined) sections.push(renderHeadlineNumbers('core', summary.parts.core));
  return sections.join('\n\n');
}

function renderOverhead(levels: readonly OverheadLevelResult[]): string {
  const rows = levels.map((level) => [
    level.concurrency,
    `${level.streamsPerRun} × ${level.rounds}`,
    `${level.sdk.wallMs} / ${level.baseline.wallMs}`,
    mark(level.wallTimeRatio, OVERHEAD_GOALS.wallTimeRatio),
    `${level.sdk.cpuMs} / ${level.baseline.cpuMs}`,
    mark(level.cpuTimeRatio, OVERHEAD_GOALS.cpuTimeRatio),
    `${level.sdk.peakRssMiB} / ${level.baseline.peakRssMiB}`,
    mark(level.peakRssRatio, OVERHEAD_GOALS.peakRssRatio),
    `${level.sdk.completeAnswers} / ${level.baseline.completeAnswers}`,
  ]);
  const diagnosticRows = levels.flatMap((level) => {
    const row = (name: string, side: OverheadSideSummary & OverheadComparison) => [
      level.concurrency,
      name,
      `${side.cpuMs} (${side.cpuUserMs} user)`,
      side.cpuTimeRatio.toFixed(2),
      side.cpuUserTimeRatio.toFixed(2),
      side.wallTimeRatio.toFixed(2),
      side.peakRssRatio.toFixed(2),
      `${side.warmUpCpuMs} (${side.warmUpCpuRatio.toFixed(2)})`,
    ];
    return [
      row('SDK, defaults', { ...level.sdk, ...level }),
      row('SDK, WebCrypto signer', level.diagnostics.sdkWebCrypto),
      row('Node transport, hand-written loop', level.diagnostics.nodeTransport),
      [
        level.concurrency,
        'baseline',
        `${level.baseline.cpuMs} (${level.baseline.cpuUserMs} user)`,
        '1.00',
        '1.00',
        '1.00',
        '1.00',
        `${level.baseline.warmUpCpuMs} (1.00)`,
      ],
    ];
  });
  return [
    '### SDK overhead: `@xinghuo/node` / hand-written `ws` client (medians; goals ≤ 1.10 time, ≤ 1.15 RSS)',
    '',
    markdownTable(
      [
        'concurrent streams',
        'streams × rounds',
        'wall ms (SDK / base)',
        'wall ratio',
        'CPU ms (SDK / base)',
        'CPU ratio',
        'peak RSS MiB (SDK / base)',
        'RSS ratio',
        'whole answers (SDK / base)',
      ],
      rows,
    ),
    '',
    'Where the overhead is: two diagnostic variants run in the same rounds. The WebCrypto signer row is the',
    "same engine signing with core's platform-neutral WebCrypto signer instead of `@xinghuo/node`'s",
    '`node:crypto` HMAC (the default); the transport row drives',
    "`@xinghuo/node`'s `ws` transport with the hand-written loop, without core's client engine.",
    `The last column is the CPU of the ${WARM_UP_REQUESTS} warm-up requests each run makes before the measured`,
    'part (and its ratio): the one-time cost of loading and compiling each side, paid once per process.',
    '',
    markdownTable(
      [
        'concurrent streams',
        'variant',
        'CPU ms',
        'CPU ratio',
        'user CPU ratio',
        'wall ratio',
        'RSS ratio',
        `warm-up CPU ms, first ${WARM_UP_REQUESTS} requests (ratio)`,
      ],
      diagnosticRows,
    ),
  ].join('\n');
}

function renderHttp(http: HttpBenchmarkResult): string {
  const rows = http.levels.flatMap((level) => {
    const row = (
      name: string,
      other: HttpBenchmarkResult['levels'][number]['baseline'],
      ratios: OverheadComparison,
      goals: (typeof HTTP_GOALS)[keyof typeof HTTP_GOALS],
    ) => [
      level.concurrency,
      name,
      `${level.sdk.streamsPerRun} × ${level.rounds}`,
      `${level.sdk.wallMs} / ${other.wallMs}`,
      mark(ratios.wallTimeRatio, goals.wallTimeRatio),
      `${level.sdk.cpuMs} / ${other.cpuMs}`,
      mark(ratios.cpuTimeRatio, goals.cpuTimeRatio),
      `${level.sdk.peakRssMiB} / ${other.peakRssMiB}`,
      mark(ratios.peakRssRatio, goals.peakRssRatio),
      `${level.sdk.completeAnswers} / ${other.completeAnswers}`,
      `${level.sdk.warmUpCpuMs} / ${other.warmUpCpuMs}`,
    ];
    return [
      row('hand-written `fetch` + SSE', level.baseline, level.vsBaseline, HTTP_GOALS.vsBaseline),
      row('`openai` v5', level.openai, level.vsOpenai, HTTP_GOALS.vsOpenai),
    ];
  });
  const toolNames: Record<keyof HttpBenchmarkResult['tools'], string> = {
    sdk: '`@xinghuo/node` (asks for the array: `tool_calls_switch: true`)',
    'sdk-one-object': "`@xinghuo/node` given Spark's default one object",
    baseline: 'hand-written `fetch` + SSE',
    openai: '`openai` v5 (`for (const call of delta.tool_calls ?? [])`)',
  };
  const toolRows = Object.entries(http.tools).map(([side, result]) => [
    toolNames[side as keyof HttpBenchmarkResult['tools']],
    result.toolCallsForm,
    `${result.wholeToolCalls} / ${result.expectedToolCalls}`,
    `${result.completeAnswers} / ${result.streams}`,
    result.errors === 0
      ? '0'
      : `${result.errors}: \`${(result.firstError ?? '').replace(/[`|\n]/g, ' ').slice(0, 80)}\``,
  ]);
  const signalRows = http.levels.map((level) => {
    const { baselineWithSignal: withSignal, signalVsBaseline: ratios } = level;
    return [
      level.concurrency,
      `${withSignal.cpuMs} / ${level.baseline.cpuMs}`,
      ratios.cpuTimeRatio.toFixed(2),
      `${withSignal.wallMs} / ${level.baseline.wallMs}`,
      ratios.wallTimeRatio.toFixed(2),
      `${withSignal.peakRssMiB} / ${level.baseline.peakRssMiB}`,
      ratios.peakRssRatio.toFixed(2),
    ];
  });
  const signalSection = [
    '',
    "Diagnostic: what an `AbortSignal` alone costs the hand-written client (a fresh, never-aborted `new AbortController().signal` given to Node's `fetch` per request; no goal).",
    '',
    markdownTable(
      [
        'concurrent streams',
        'CPU ms (with signal / without)',
        'CPU ratio',
        'wall ms (with / without)',
        'wall ratio',
        'peak RSS MiB (with / without)',
        'RSS ratio',
      ],
      signalRows,
    ),
  ];
  return [
    '### HTTP protocol: `@xinghuo/node` over HTTP / hand-written `fetch` client and / `openai` v5 (medians; goals ≤ 1.10 time vs hand-written, ≤ 1.00 vs openai, ≤ 1.15 RSS)',
    '',
    markdownTable(
      [
        'concurrent streams',
        'against',
        'streams × rounds',
        'wall ms (SDK / other)',
        'wall ratio',
        'CPU ms (SDK / other)',
        'CPU ratio',
        'peak RSS MiB (SDK / other)',
        'RSS ratio',
        'whole answers (SDK / other)',
        `warm-up CPU ms, first ${WARM_UP_REQUESTS} requests (SDK / other)`,
      ],
      rows,
    ),
    ...signalSection,
    '',
    "Tool calls: every client is offered one function, which the mock calls on every stream. Spark sends `tool_calls` as one object unless the request sets `tool_calls_switch: true`; openai-node's streaming types (and OpenAI's guide) expect an array.",
    '',
    markdownTable(
      ['client', '`tool_calls` on the wire', 'whole tool calls', 'whole answers', 'failed streams'],
      toolRows,
    ),
  ].join('\n');
}

function renderPeer(modes: readonly PeerModeResult[]): string {
  const rows = modes.map((mode) => [
    mode.mode,
    mode.chatspark.calls,
    `${mode.chatspark.wallMs} / ${mode.peer.wallMs}`,
    mode.wallTimeRatio.toFixed(2),
    `${mode.chatspark.cpuMs} / ${mode.peer.cpuMs}`,
    mode.cpuTimeRatio.toFixed(2),
    `${mode.chatspark.peakRssMiB} / ${mode.peer.peakRssMiB}`,
    mode.peakRssRatio.toFixed(2),
    `${mode.chatspark.completeAnswers} / ${mode.peer.completeAnswers}`,
    `${mode.chatspark.missingCharacters} / ${mode.peer.missingCharacters}`,
    mode.mode === 'stream' ? `${mode.chatspark.chunksPerStream} / ${mode.peer.chunksPerStream}` : '–',
  ]);
  return [
    '### LangChain: ChatSpark / `@langchain/community` ChatIflytekXinghuo (sequential calls, medians)',
    '',
    markdownTable(
      [
        'mode',
        'calls',
        'wall ms (ours / peer)',
        'wall ratio',
        'CPU ms (ours / peer)',
        'CPU ratio',
        'peak RSS MiB (ours / peer)',
        'RSS ratio',
        'whole answers (ours / peer)',
        'missing chars (ours / peer)',
        'chunks per stream (ours / peer)',
      ],
      rows,
    ),
  ].join('\n');
}

/** Numeric leaves of a results object whose key reads as a headline figure. */
function headlineNumbers(value: unknown, prefix = ''): [string, number][] {
  if (typeof value !== 'object' || value === null) return [];
  const found: [string, number][] = [];
  for (const [key, item] of Object.entries(value)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (key === 'machine') continue;
    if (typeof item === 'number' && /ratio|OpsPerSecond$/i.test(key)) {
      found.push([path, item]);
    } else found.push(...headlineNumbers(item, path));
  }
  return found;
}

function renderHeadlineNumbers(part: string, value: unknown): string {
  const title = part === 'core' ? 'Core micro-benchmarks' : part;
  const rows = headlineNumbers(value).map(([path, number]) => [
    `\`${path}\``,
    Number.isInteger(number) ? number : number.toFixed(3),
  ]);
  return [
    `### ${title} (from \`results/${part}.json\`; details in its own section)`,
    '',
    rows.length ? markdownTable(['metric', 'value'], rows) : '_no numbers found_',
  ].join('\n');
}

/** The fields of `results/mock-server.json` the table shows. */
interface MockCapacity {
  concurrency?: number;
  durationSeconds?: number;
  completedSessions?: number;
  failedSessions?: number;
  sessionsPerSecond?: number;
  framesPerSecond?: number;
  framesPerSession?: number;
  sessionLatencyMs?: { p50?: number; p95?: number; p99?: number };
}

function renderMockCapacity(capacity: MockCapacity): string {
  const latency = capacity.sessionLatencyMs;
  return [
    '### Mock server capacity (from `results/mock-server.json`; details in its own section)',
    '',
    markdownTable(
      [
        'concurrent sessions',
        'sessions/s',
        'frames/s',
        'completed / failed',
        'session latency p50 / p95 / p99 ms',
      ],
      [
        [
          capacity.concurrency ?? '?',
          capacity.sessionsPerSecond ?? '?',
          capacity.framesPerSecond ?? '?',
          `${capacity.completedSessions ?? '?'} / ${capacity.failedSessions ?? '?'}`,
          latency ? `${latency.p50} / ${latency.p95} / ${latency.p99}` : '?',
        ],
      ],
    ),
  ].join('\n');
}
