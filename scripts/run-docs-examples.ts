/**
 * Runs the README examples that can run against the mock Spark server, each in its own Node process
 * with its own mock, and fails when one throws, exits non-zero or outlives its time limit.
 *
 * An example runs unless it cannot, for a reason the report prints:
 * - it is marked `<!-- docs-check: compile-only (why) -->`;
 * - it needs a test runner (`vitest`), a page (`@xinghuo/browser`, `document`), or a package the
 *   repository does not install (the compile check's `thirdPartyModules`);
 * - it starts a server on a port (`.listen(3000)`) or is a route module (`export …`);
 * - it dials Spark with `createWsTransport()` but no `baseURL` (core clients read no `SPARK_BASE_URL`,
 *   so it would reach the real service);
 * - it uses a name the README leaves to the reader that `docs-run-preludes.ts` gives no value.
 *
 * Each running example gets `SPARK_BASE_URL` and the mock's fake credentials in its environment (the
 * machine's own `SPARK_*` variables are removed), and is killed after `EXAMPLE_TIMEOUT_MS`.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startMockSpark } from '@xinghuo/mock-server';
import { readmePreludes, thirdPartyModules } from './docs-check-preludes.ts';
import { type Example, referencesOf, root } from './docs-examples.ts';
import { runPreludes } from './docs-run-preludes.ts';

/** How long one example may run (generous: CI machines are busy). */
const EXAMPLE_TIMEOUT_MS = 60_000;
/** Examples run at once. */
const CONCURRENCY = 2;

/** Why an example cannot run, or `undefined` when it can. */
export function reasonNotToRun(example: Example): string | undefined {
  const { code, marker } = example;
  if (marker !== undefined && /^compile-only\b/.test(marker)) return marker;
  const { modules, names } = referencesOf(code);
  if (modules.some((name) => name === 'vitest' || name.endsWith('/vitest'))) return 'needs the vitest runner';
  if (modules.some((name) => name.startsWith('@xinghuo/browser') || name === 'msw/browser')) {
    return 'runs in a page';
  }
  if (names.has('document') || names.has('window')) return 'runs in a page';
  const missing = modules.find((name) => name in thirdPartyModules);
  if (missing !== undefined) return `imports ${missing}, which the repository does not install`;
  if (/\.listen\(\s*\d/.test(code)) return 'starts a server that runs until stopped';
  if (/^export\s/m.test(code)) return 'a route module for another runtime';
  if (names.has('createWsTransport') && !/\bbaseURL\b/.test(code) && modules.includes('@xinghuo/core')) {
    return 'a core client without baseURL would dial the real service';
  }
  const values = runPreludes[example.readme] ?? {};
  const unset = Object.keys(readmePreludes[example.readme]?.declarations ?? {}).filter(
    (name) => names.has(name) && !(name in values),
  );
  if (unset.length > 0) return `uses ${unset.join(', ')}, which only the reader's app defines`;
  return undefined;
}

/** The module that runs `example`: the values of the names it uses, the code, then an exit. */
function runnableSource(example: Example): string {
  const { names } = referencesOf(example.code);
  const values = Object.entries(runPreludes[example.readme] ?? {}).filter(([name]) => names.has(name));
  const prelude = values.map(([name, source]) => `const ${name} = ${source};`);
  // An example that leaves a socket or a timer behind still counts as finished once its code has.
  return [...prelude, example.code, 'process.exit(0);', ''].join('\n');
}

interface RunOutcome {
  example: Example;
  ok: boolean;
  detail: string;
  durationMs: number;
}

async function runOne(example: Example, file: string): Promise<RunOutcome> {
  const mock = await startMockSpark();
  const started = Date.now();
  const env: NodeJS.ProcessEnv = {};
  for (const [name, value] of Object.entries(process.env)) if (!name.startsWith('SPARK_')) env[name] = value;
  Object.assign(env, {
    SPARK_BASE_URL: mock.url,
    SPARK_APP_ID: mock.credentials.appId,
    SPARK_API_KEY: mock.credentials.apiKey,
    SPARK_API_SECRET: mock.credentials.apiSecret,
    SPARK_API_PASSWORD: mock.apiPassword,
    NODE_NO_WARNINGS: '1',
  });
  try {
    const child = spawn(process.execPath, ['--import', 'tsx', file], { cwd: root, env });
    let output = '';
    const keep = (chunk: Buffer) => {
      output = (output + chunk.toString('utf8')).slice(-4_000);
    };
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, EXAMPLE_TIMEOUT_MS);
    const code = await new Promise<number | null>((resolve) => child.once('close', resolve));
    clearTimeout(timer);
    const durationMs = Date.now() - started;
    if (timedOut)
      return {
        example,
        ok: false,
        detail: `still running after ${EXAMPLE_TIMEOUT_MS} ms\n${output}`,
        durationMs,
      };
    if (code !== 0) return { example, ok: false, detail: `exited with ${code}\n${output}`, durationMs };
    return { example, ok: true, detail: '', durationMs };
  } finally {
    await mock.close();
  }
}

/** Runs every example that can run; prints a report and resolves to whether all of them passed. */
export async function runExamples(examples: readonly Example[], outDir: string): Promise<boolean> {
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(outDir, { recursive: true });
  const runnable: { example: Example; file: string }[] = [];
  const notRun: string[] = [];
  for (const example of examples) {
    const reason = reasonNotToRun(example);
    if (reason !== undefined) {
      notRun.push(`  ${example.readme}:${example.line}: ${reason}`);
      continue;
    }
    const file = join(
      outDir,
      `${example.readme.replaceAll('/', '-')}-line-${example.line}.${example.extension === 'ts' ? 'mts' : 'mjs'}`,
    );
    writeFileSync(file, runnableSource(example));
    runnable.push({ example, file });
  }

  const outcomes: RunOutcome[] = [];
  const queue = [...runnable];
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      for (let next = queue.shift(); next !== undefined; next = queue.shift()) {
        outcomes.push(await runOne(next.example, next.file));
      }
    }),
  );

  const failed = outcomes.filter((outcome) => !outcome.ok);
  for (const outcome of failed) {
    console.error(
      `${outcome.example.readme}:${outcome.example.line} failed against the mock: ${outcome.detail.trim()}\n`,
    );
  }
  console.log(
    `docs:check: ${examples.length - notRun.length} examples can run against the mock; compile-only:`,
  );
  for (const line of notRun) console.log(line);
  const slowest = Math.max(0, ...outcomes.map((outcome) => outcome.durationMs));
  console.log(
    `docs:check: ${outcomes.length - failed.length} of ${outcomes.length} examples ran against the mock (slowest ${slowest} ms).`,
  );
  return failed.length === 0;
}
