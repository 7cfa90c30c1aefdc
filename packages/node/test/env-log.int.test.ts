/**
 * `XINGHUO_LOG` end to end: a real Node process with only environment variables (no logger in code)
 * talks to the mock over a real socket; its stderr shows attempts, retries and failures, and never a
 * credential or a signed URL's authorization.
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { MockSpark } from '@xinghuo/mock-server';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startMock } from './helpers';
import { eventually } from './loopback-servers';

/** The built package, as an application imports it. */
const NODE_ENTRY = fileURLToPath(new URL('../dist/index.js', import.meta.url));

// Asks once, prints the outcome as one JSON line on stdout; the SDK's own lines go to stderr.
const SCRIPT = `
const { createSparkClient } = await import(process.env.ENTRY);
const client = createSparkClient({ retryDelay: { baseDelayMs: 1, maxDelayMs: 2 } });
try {
  const result = await client.chat({ messages: [{ role: 'user', content: '你好' }] });
  console.log(JSON.stringify({ text: result.text, attempts: result.attempts }));
} catch (error) {
  console.log(JSON.stringify({ code: error.code, attempts: error.attemptErrors?.length }));
}
`;

let mock: MockSpark;
beforeAll(async () => {
  mock = await startMock();
});
afterEach(() => mock.reset());
afterAll(async () => {
  expect(await eventually(() => mock.openSockets() === 0)).toBe(true);
  await mock.close();
});

function runWithLog(level: string): Promise<{ stdout: string; stderr: string; code: number | null }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--input-type=module', '-e', SCRIPT], {
      env: {
        PATH: process.env.PATH ?? '',
        ENTRY: NODE_ENTRY,
        XINGHUO_LOG: level,
        SPARK_APP_ID: mock.credentials.appId,
        SPARK_API_KEY: mock.credentials.apiKey,
        SPARK_API_SECRET: mock.credentials.apiSecret,
        SPARK_BASE_URL: mock.url,
        SPARK_MODEL: 'lite',
      },
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
    const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ stdout, stderr, code });
    });
  });
}

function expectNoSecret(text: string): void {
  expect(text).not.toContain(mock.credentials.apiSecret);
  expect(text).not.toContain(mock.credentials.apiKey);
  expect(text).not.toContain('YXBpX2tleT0i'); // base64 of 'api_key="': an authorization value
  expect(text).not.toMatch(/authorization=(?!\[REDACTED\])/);
  expect(text).not.toMatch(/signature="(?!\[REDACTED\])/);
}

describe('XINGHUO_LOG', () => {
  it('debug: logs every attempt and the retry, redacted', async () => {
    mock.enqueue({ reject: { status: 503, body: { message: 'busy' } } });
    const run = await runWithLog('debug');

    expect(JSON.parse(run.stdout)).toEqual({ text: expect.any(String), attempts: 2 });
    const lines = run.stderr.trim().split('\n');
    expect(lines.filter((line) => / DEBUG xinghuo: connecting /.test(line))).toHaveLength(2);
    const retry = lines.find((line) => / INFO xinghuo: retrying /.test(line));
    expect(retry).toContain('"attempt":1');
    expect(retry).toContain('"code":"server_error"');
    expect(run.stderr).toContain('authorization=[REDACTED]');
    expectNoSecret(run.stderr);
  });

  it('warn: only the failure, with the number of attempts', async () => {
    mock.enqueue(
      ...Array.from({ length: 3 }, () => ({ reject: { status: 503, body: { message: 'busy' } } })),
    );
    const run = await runWithLog('warn');

    expect(JSON.parse(run.stdout)).toEqual({ code: 'server_error', attempts: 3 });
    const lines = run.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/ ERROR xinghuo: the request failed \{"attempts":3,/);
    expectNoSecret(run.stderr);
  });

  it('unset: nothing on stderr', async () => {
    mock.enqueue({ reject: { status: 503, body: { message: 'busy' } } });
    const run = await runWithLog('');
    expect(JSON.parse(run.stdout)).toMatchObject({ attempts: 2 });
    expect(run.stderr).toBe('');
  });
});
