/**
 * Runs benchmark workers as fresh `node` processes, so each side of a comparison starts with an
 * empty heap and its peak RSS is its own. Workers are bundled with esbuild first (packages stay
 * external and load from their built `dist`), so no TypeScript loader runs inside a measured process.
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const benchRoot = fileURLToPath(new URL('../../', import.meta.url));
const outputDirectory = `${benchRoot}dist/workers/`;

/** Bundles each entry (`name → path relative to bench/`) to `bench/dist/workers/<name>.mjs`. */
export async function buildWorkers(entries: Record<string, string>): Promise<Record<string, string>> {
  const entryPoints = Object.fromEntries(
    Object.entries(entries).map(([name, path]) => [name, `${benchRoot}${path}`]),
  );
  await build({
    entryPoints,
    outdir: outputDirectory,
    outExtension: { '.js': '.mjs' },
    bundle: true,
    packages: 'external',
    platform: 'node',
    format: 'esm',
    target: 'node20',
    logLevel: 'error',
  });
  return Object.fromEntries(Object.keys(entries).map((name) => [name, `${outputDirectory}${name}.mjs`]));
}

/**
 * Runs `file` in a new `node` process with `input` as its single JSON argument and resolves with the
 * JSON object the worker prints as its last stdout line.
 */
export function runWorker<Result>(
  file: string,
  input: unknown,
  nodeFlags: readonly string[] = [],
): Promise<Result> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...nodeFlags, file, JSON.stringify(input)], {
      cwd: benchRoot,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      stdout += chunk;
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      stderr += chunk;
    });
    child.on('error', reject);
    child.on('close', (code) => {
      const lastLine = stdout.trim().split('\n').at(-1) ?? '';
      if (code !== 0) {
        reject(new Error(`worker ${file} exited with ${code}: ${stderr.slice(-2000)}`));
        return;
      }
      try {
        resolve(JSON.parse(lastLine) as Result);
      } catch {
        reject(
          new Error(`worker ${file} printed no JSON result: ${stdout.slice(-500)} ${stderr.slice(-500)}`),
        );
      }
    });
  });
}

/** Reads the JSON input a worker was started with (see {@link runWorker}). */
export function workerInput<Input>(): Input {
  const raw = process.argv[2];
  if (!raw) throw new Error('worker started without its JSON input argument');
  return JSON.parse(raw) as Input;
}

/** Prints a worker's result as the last stdout line. */
export function reportResult(result: unknown): void {
  process.stdout.write(`${JSON.stringify(result)}\n`);
}
