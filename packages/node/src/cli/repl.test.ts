import { PassThrough } from 'node:stream';
import { type MockSpark, startMockSpark } from '@xinghuo/mock-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually } from '../../../../test-support/eventually';
import type { CliOptions } from './args';
import { runRepl } from './repl';
import { openSession } from './session';

const OPTIONS: CliOptions = { mock: false, json: false, help: false, version: false };

/** Runs the REPL in this process on streams that claim to be a terminal, as an interactive shell would. */
async function interactiveChat(options: CliOptions, env: Record<string, string>): Promise<string> {
  const terminal = () => Object.assign(new PassThrough(), { isTTY: true });
  const io = { stdin: terminal(), stdout: terminal(), stderr: terminal(), env };
  let shown = '';
  io.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    shown += chunk;
  });
  io.stderr.resume();
  const session = await openSession(options, env);
  try {
    const finished = runRepl(session, options, io);
    expect(await eventually(() => shown.includes('/help for commands'))).toBe(true);
    io.stdin.end('/exit\n');
    expect(await finished).toBe(0);
    return shown;
  } finally {
    await session.close();
  }
}

let mock: MockSpark;
beforeAll(async () => {
  mock = await startMockSpark();
});
afterAll(async () => {
  await mock.close();
});

describe('the chat banner', () => {
  it('says when the answers come from the embedded mock', async () => {
    const shown = await interactiveChat({ ...OPTIONS, mock: true, mockLatencyMs: 0 }, {});
    expect(shown).toContain(
      'xinghuo chat with lite over WebSocket on the embedded mock server (made-up answers, not Spark).',
    );
  });

  it('names the HTTP protocol when the chat speaks it (--protocol http, the mock password)', async () => {
    const shown = await interactiveChat({ ...OPTIONS, mock: true, mockLatencyMs: 0, protocol: 'http' }, {});
    expect(shown).toContain('xinghuo chat with lite over HTTP on the embedded mock server');
  });

  it('says nothing about a mock when it talks to a configured endpoint', async () => {
    const env = {
      SPARK_APP_ID: mock.credentials.appId,
      SPARK_API_KEY: mock.credentials.apiKey,
      SPARK_API_SECRET: mock.credentials.apiSecret,
      SPARK_BASE_URL: mock.url,
      SPARK_MODEL: 'max',
    };
    const shown = await interactiveChat(OPTIONS, env);
    expect(shown).toContain('xinghuo chat with generalv3.5 over WebSocket. /help for commands');
    expect(shown).not.toContain('mock');
  });
});
