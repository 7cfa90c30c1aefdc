import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';

const packageRoot = fileURLToPath(new URL('..', import.meta.url));
const serverEntry = `${packageRoot}dist/server/main.js`;

/** Starts `npm start`'s command (node dist/server/main.js) and resolves with the printed URL. */
function startBuiltServer(
  env: Record<string, string>,
): Promise<{ child: ChildProcess; url: string; output: () => string }> {
  if (!existsSync(serverEntry)) throw new Error('dist/server/main.js is missing: run `npm run build` first.');
  const child = spawn(process.execPath, [serverEntry], {
    cwd: packageRoot,
    env: { PATH: process.env.PATH ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`No URL printed within 10 s:\n${output}`)), 10_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /➜ (http:\/\/\S+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve({ child, url: match[1]!, output: () => output });
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`The server exited with ${code} before printing its URL:\n${output}`));
    });
  });
}

function exitCode(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => {
    if (child.exitCode !== null) resolve(child.exitCode);
    else child.once('exit', (code) => resolve(code));
  });
}

describe('npm start (node dist/server/main.js)', () => {
  let running: ChildProcess | undefined;
  afterEach(() => {
    if (running && running.exitCode === null) running.kill('SIGKILL');
    running = undefined;
  });

  it('starts in mock mode without credentials, prints its URL and stops cleanly on SIGTERM', async () => {
    const { child, url, output } = await startBuiltServer({ PORT: '0' });
    running = child;
    expect(output()).toContain('mock mode');
    expect(url).toMatch(/^http:\/\/localhost:\d+$/);
    const config = await (await fetch(`${url.replace('localhost', '127.0.0.1')}/api/config`)).json();
    expect(config.mode).toBe('mock');
    child.kill('SIGTERM');
    await expect(exitCode(child)).resolves.toBe(0);
  });

  it('says which credential is missing instead of falling back to the mock', async () => {
    const child = spawn(process.execPath, [serverEntry], {
      cwd: packageRoot,
      env: { PATH: process.env.PATH ?? '', PORT: '0', SPARK_APP_ID: 'app', SPARK_API_KEY: 'key-value-123' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    running = child;
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    await expect(exitCode(child)).resolves.toBe(1);
    expect(stderr).toContain('missing: SPARK_API_SECRET');
    expect(stderr).not.toContain('key-value-123');
  });

  it('signs for the real service when credentials are set (live mode)', async () => {
    const { child, url, output } = await startBuiltServer({
      PORT: '0',
      SPARK_APP_ID: 'app12345',
      SPARK_API_KEY: 'k'.repeat(32),
      SPARK_API_SECRET: 's'.repeat(32),
    });
    running = child;
    expect(output()).toContain('live mode');
    const origin = url.replace('localhost', '127.0.0.1');
    const signed = await (await fetch(`${origin}/api/spark/sign?model=lite`)).json();
    expect(signed.url).toMatch(/^wss:\/\/spark-api\.xf-yun\.com\/v1\.1\/chat\?authorization=/);
    expect(JSON.stringify(signed)).not.toContain('s'.repeat(32));
    const config = await (await fetch(`${origin}/api/config`)).json();
    expect(config).toMatchObject({ mode: 'live', appId: 'app12345' });
    expect(config.mockFaults).toBeUndefined();
    const faultRoute = await fetch(`${origin}/api/mock/next-fault`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{}',
    });
    expect(faultRoute.status).toBe(404);
    child.kill('SIGINT');
    await expect(exitCode(child)).resolves.toBe(0);
  });
});
