import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type MockSpark, startMockSpark } from '../src/index.js';

const run = promisify(execFile);
const script = fileURLToPath(new URL('./fixtures/python_demo_client.py', import.meta.url));
// Debian's python3 with python3-websocket (installed by .ci/run), the library iFlytek's demo uses.
const python = '/usr/bin/python3';

async function hasWebsocketClient(): Promise<boolean> {
  if (!existsSync(python)) return false;
  try {
    await run(python, ['-c', 'import websocket']);
    return true;
  } catch {
    return false;
  }
}

describe('a client written by others (Python websocket-client, signed like iFlytek demo)', async () => {
  const available = await hasWebsocketClient();
  if (!available && process.env.CI) {
    throw new Error('CI must provide /usr/bin/python3 with python3-websocket for the interoperability test.');
  }
  let mock: MockSpark;

  beforeAll(async () => {
    mock = await startMockSpark();
  });
  afterAll(async () => {
    await mock.close();
  });

  it.runIf(available)('connects with its own signed URL and streams the whole answer', async () => {
    const { appId, apiKey, apiSecret } = mock.credentials;
    const { stdout } = await run(
      python,
      [script, mock.modelUrl('generalv3.5'), appId, apiKey, apiSecret, 'generalv3.5', '你好，介绍一下你自己'],
      { timeout: 15_000 },
    );
    const lines = stdout.trimEnd().split('\n');
    const summary = JSON.parse(lines.at(-1) ?? '{}') as { status: number; code: number; usage: unknown };
    const answer = lines.slice(0, -1).join('\n');

    expect(summary.code).toBe(0);
    expect(summary.status).toBe(2);
    expect(summary.usage).toMatchObject({ text: { total_tokens: expect.any(Number) } });
    expect(answer.length).toBeGreaterThan(10);
    expect(mock.requests.at(-1)?.frame).toMatchObject({ parameter: { chat: { domain: 'generalv3.5' } } });
  });

  it.runIf(available)('refuses the same client when it signs with the wrong secret', async () => {
    const { appId, apiKey } = mock.credentials;
    const { stdout } = await run(
      python,
      [script, mock.modelUrl('lite'), appId, apiKey, 'x'.repeat(32), 'lite', 'hello'],
      { timeout: 15_000 },
    );
    const summary = JSON.parse(stdout.trimEnd().split('\n').at(-1) ?? '{}') as {
      error?: string;
      status: unknown;
    };
    expect(summary.status).toBeNull();
    expect(summary.error).toMatch(/401/);
  });
});
