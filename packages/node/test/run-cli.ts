import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** The built CLI; `npm run build` (or turbo's test pipeline) produces it before the tests run. */
export const CLI_PATH = fileURLToPath(new URL('../dist/cli.js', import.meta.url));

/** What a CLI run produced. */
export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
  /** When each stdout chunk arrived (`performance.now()`), to see that an answer streamed. */
  stdoutTimes: number[];
}

/**
 * Runs `node dist/cli.js ...args` as a real process with only the given environment (no SPARK_*
 * leaks in from the developer's shell), feeding `input` on stdin. Killed after `timeoutMs`.
 */
export function runCli(
  args: readonly string[],
  options: {
    input?: string;
    env?: Record<string, string>;
    timeoutMs?: number;
    /** Sends SIGINT (Ctrl-C) once, as soon as stdout satisfies this. */
    interruptWhen?: (stdout: string) => boolean;
  } = {},
): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI_PATH, ...args], {
      env: { PATH: process.env.PATH ?? '', ...options.env },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    let interrupted = false;
    const stdoutTimes: number[] = [];
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      stdout += chunk;
      stdoutTimes.push(performance.now());
      if (!interrupted && options.interruptWhen?.(stdout)) {
        interrupted = true;
        child.kill('SIGINT');
      }
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      stderr += chunk;
    });
    const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 15_000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr, stdoutTimes });
    });
    child.stdin.end(options.input ?? '');
  });
}
