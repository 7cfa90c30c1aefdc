/**
 * Core micro-benchmarks: `npm run bench:core` (or as part of `npm run bench`). Imports the built
 * `@xinghuo/core`, writes `bench/results/core.json` and the core section of `bench/README.md`.
 */
import { readFileSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { cpus } from 'node:os';
import { fileURLToPath } from 'node:url';
import { lastConsumed } from '../harness';
import { markdownTable } from '../support/readme-table';
import { benchmarkDecodeFrame, benchmarkSignUrl, benchmarkTrimHistory } from './benchmarks';

const benchRoot = fileURLToPath(new URL('../../', import.meta.url));
const quick = process.env.BENCH_QUICK === '1';
const log = (line: string) => process.stdout.write(`${line}\n`);
const SECTION_START = '<!-- core-results:start -->';
const SECTION_END = '<!-- core-results:end -->';

/** The CPU model as the kernel names it, falling back to what Node reports. */
function cpuModel(): string {
  try {
    const line = readFileSync('/proc/cpuinfo', 'utf8')
      .split('\n')
      .find((entry) => entry.startsWith('model name'));
    if (line) return line.slice(line.indexOf(':') + 1).trim();
  } catch {
    // Not Linux.
  }
  return cpus()[0]?.model.trim() ?? 'unknown';
}

const machine = {
  cpuModel: cpuModel(),
  cores: cpus().length,
  node: process.version,
  platform: `${process.platform}-${process.arch}`,
  date: new Date().toISOString(),
};

log(
  `core micro-benchmarks on ${machine.cpuModel} × ${machine.cores}, Node ${machine.node}${quick ? ' (quick)' : ''}`,
);
const decodeFrame = await benchmarkDecodeFrame();
log(`decodeFrame: ${decodeFrame.throughputRatioVsJsonParse}× JSON.parse throughput`);
const signUrl = await benchmarkSignUrl();
log(`signUrl: ${signUrl.signUrlOpsPerSecond} ops/s`);
const trimHistory = await benchmarkTrimHistory(quick ? [10, 1_000, 10_000] : [10, 1_000, 100_000]);
log(`trimHistory: linearity ratio ${trimHistory.linearityRatio}`);
if (lastConsumed() === undefined) throw new Error('the benchmarks produced nothing');

const results = {
  machine,
  quick,
  timing: 'operations per CPU second, median of rounds',
  decodeFrame,
  signUrl,
  trimHistory,
};
await mkdir(`${benchRoot}results`, { recursive: true });
await writeFile(`${benchRoot}results/core.json`, `${JSON.stringify(results, null, 2)}\n`);

const goal = (value: number, minimum: number) => `${value.toFixed(2)} ${value >= minimum ? '✓' : '✗'}`;
const section = [
  '## Core micro-benchmarks',
  '',
  `\`npm run bench:core -w bench\` on **${machine.cpuModel}** (${machine.cores} cores), Node ${machine.node}, ` +
    `${machine.platform}, ${machine.date.slice(0, 16).replace('T', ' ')} UTC. Rates are per CPU second ` +
    '(user + system time of the process, so a busy shared machine skews them less than wall time) and medians of ' +
    'several rounds; decodeFrame and `JSON.parse` run in alternating rounds on the same frames. ' +
    'decodeFrame does more than `JSON.parse`: it checks every field, and parses the nested JSON of search ' +
    'sources and function arguments. The trimHistory runs use the default estimator on mixed Chinese/English ' +
    'messages; a linearity ratio near 1 means the cost per message does not grow with the history.' +
    (quick ? ' **Quick mode: smoke-test sizes, not for comparison.**' : ''),
  '',
  markdownTable(
    ['benchmark', 'result', 'goal'],
    [
      [
        `decodeFrame on ${decodeFrame.frames} realistic frames (avg ${decodeFrame.averageFrameBytes} B)`,
        `${decodeFrame.decodeFrameOpsPerSecond.toLocaleString('en-US')} frames/s ` +
          `(${decodeFrame.decodeFrameNsPerFrame} ns/frame)`,
        '',
      ],
      [
        'bare `JSON.parse` of the same frames',
        `${decodeFrame.jsonParseOpsPerSecond.toLocaleString('en-US')} frames/s (${decodeFrame.jsonParseNsPerFrame} ns/frame)`,
        '',
      ],
      [
        'decodeFrame / JSON.parse throughput ratio',
        goal(decodeFrame.throughputRatioVsJsonParse, 0.8),
        '≥ 0.80',
      ],
      [
        'signUrl, cached key',
        `${signUrl.signUrlOpsPerSecond.toLocaleString('en-US')} ops/s (${signUrl.signUrlMicrosecondsPerOp} µs/op)`,
        '',
      ],
      ...trimHistory.sizes.map((size) => [
        `trimHistory, ${size.messages.toLocaleString('en-US')} messages (lite budget)`,
        `${size.microsecondsPerCall.toLocaleString('en-US')} µs/call, ${size.nsPerMessage} ns/message`,
        '',
      ]),
      [
        'trimHistory linearity ratio (ns/message at the largest size / at 1,000)',
        trimHistory.linearityRatio.toFixed(2),
        '≈ 1 (linear)',
      ],
    ],
  ),
].join('\n');

const readmePath = `${benchRoot}README.md`;
const readme = await readFile(readmePath, 'utf8').catch(() => '# Benchmarks\n');
const block = `${SECTION_START}\n${section}\n${SECTION_END}`;
const start = readme.indexOf(SECTION_START);
const end = readme.indexOf(SECTION_END);
await writeFile(
  readmePath,
  start !== -1 && end > start
    ? `${readme.slice(0, start)}${block}${readme.slice(end + SECTION_END.length)}`
    : `${readme.trimEnd()}\n\n${block}\n`,
);
log('wrote bench/results/core.json and the core section of bench/README.md');
