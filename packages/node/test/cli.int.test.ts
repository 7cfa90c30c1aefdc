import type { MockSpark } from '@xinghuo/mock-server';
import { describe, expect, it } from 'vitest';
import { startMock, useCliMock } from './helpers';
import { eventually, startConnectProxy } from './loopback-servers';
import { runCli } from './run-cli';

let mock: MockSpark;
let mockEnv: Record<string, string>;

useCliMock((started, startedEnv) => {
  mock = started;
  mockEnv = startedEnv;
});

function expectNoSecrets(text: string, secrets: readonly string[] = [mock.credentials.apiSecret]) {
  for (const secret of secrets) expect(text).not.toContain(secret);
  expect(text).not.toContain('authorization=');
  expect(text).not.toContain('YXBpX2tleT0i');
}

describe('xinghuo ask', () => {
  it('streams an answer from the embedded mock (--mock)', async () => {
    const run = await runCli(['ask', '--mock', '你好']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('你好');
    expect(run.stdout.endsWith('\n')).toBe(true);
    expect(run.stderr).toBe('');
  });

  it('reads the question from piped stdin', async () => {
    const run = await runCli(['ask'], { input: '管道里的问题\n', env: mockEnv });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('管道里的问题');
    expect(mock.requests).toHaveLength(1);
  });

  it('prints one JSON object with --json, honouring --model, --system and sampling flags', async () => {
    const run = await runCli(
      [
        'ask',
        '--json',
        '--model',
        'max',
        '--system',
        '简短回答',
        '--temperature',
        '0.3',
        '--max-tokens',
        '256',
        'hi',
      ],
      { env: mockEnv },
    );
    expect(run.code).toBe(0);
    const output = JSON.parse(run.stdout) as Record<string, unknown>;
    expect(Object.keys(output).sort()).toEqual(['finishReason', 'model', 'sid', 'text', 'usage']);
    expect(output).toMatchObject({ model: 'generalv3.5', finishReason: 'stop' });
    expect(output.usage).toEqual({
      promptTokens: expect.any(Number),
      completionTokens: expect.any(Number),
      totalTokens: expect.any(Number),
    });
    const frame = mock.requests[0]!.frame as { parameter: { chat: Record<string, unknown> } };
    const chat = frame.parameter.chat;
    expect(chat).toMatchObject({ domain: 'generalv3.5', temperature: 0.3, max_tokens: 256 });
    expect(mock.requests[0]?.request?.messages[0]).toEqual({ role: 'system', content: '简短回答' });
  });

  it('includes the function call in --json output', async () => {
    mock.enqueue({ functionCall: { name: 'get_weather', arguments: { city: '合肥' } } });
    const run = await runCli(['ask', '--json', 'weather?'], { env: mockEnv });
    expect(run.code).toBe(0);
    const output = JSON.parse(run.stdout) as {
      functionCall: { name: string; arguments: string };
      finishReason: string;
    };
    expect(output.finishReason).toBe('function_call');
    expect(output.functionCall.name).toBe('get_weather');
    expect(JSON.parse(output.functionCall.arguments)).toEqual({ city: '合肥' });
  });

  it('fails with one stderr line naming the Spark code, its meaning and the sid', async () => {
    mock.enqueue({ error: { code: 10013, message: 'ContentAuditError:input' } });
    const run = await runCli(['ask', 'bad words'], { env: mockEnv });
    expect(run.code).toBe(1);
    const lines = run.stderr.trimEnd().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain('[content_filter]');
    expect(lines[0]).toContain('10013');
    expect(lines[0]).toContain('the input was refused by content moderation');
    expect(lines[0]).toMatch(/sid cht/);
    expect(run.stderr).not.toMatch(/\n\s+at /);
    expectNoSecrets(run.stderr);
  });

  it('explains a wrong secret in one line without printing it', async () => {
    const wrongSecret = 'this-is-the-wrong-secret-0000000';
    const run = await runCli(['ask', 'hi'], { env: { ...mockEnv, SPARK_API_SECRET: wrongSecret } });
    expect(run.code).toBe(1);
    expect(run.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(run.stderr).toContain('[auth_error]');
    expect(run.stderr).toContain('HTTP 401');
    expectNoSecrets(`${run.stdout}${run.stderr}`, [wrongSecret, mock.credentials.apiSecret]);
  });

  it('names the missing environment variables when there are no credentials', async () => {
    const run = await runCli(['ask', 'hi']);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('SPARK_APP_ID');
    expect(run.stderr).toContain('SPARK_API_KEY');
    expect(run.stderr).toContain('SPARK_API_SECRET');
    expect(run.stderr.trimEnd().split('\n')).toHaveLength(1);
  });

  it('exits 2 for usage errors', async () => {
    expect((await runCli(['ask', '--temperature', 'warm', 'hi'], { env: mockEnv })).code).toBe(2);
    expect((await runCli(['frobnicate'])).code).toBe(2);
    expect((await runCli(['ask', '--no-such-flag'])).code).toBe(2);
    expect((await runCli(['ask'], { env: mockEnv })).code).toBe(2);
  });
});

describe('xinghuo chat (REPL over piped stdin)', () => {
  it('keeps a multi-turn history, reports /usage and leaves on /exit', async () => {
    const run = await runCli(['chat', '--mock'], {
      input: '第一个问题\n第二个问题\n/usage\n/exit\nnever sent\n',
    });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('第一个问题');
    expect(run.stdout).toContain('第二个问题');
    expect(run.stdout).toMatch(
      /Last answer: prompt \d+, completion \d+, total \d+ tokens\. Session: \d+ tokens/,
    );
    expect(run.stdout).not.toContain('never sent');
    expect(run.stderr).toBe('');
  });

  it('sends the whole history, the system message and the chosen model', async () => {
    const input = '/system 你是助手\n/model max\n问题一\n问题二\n/exit\n';
    const run = await runCli(['chat'], { input, env: mockEnv });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Model: generalv3.5');
    const second = mock.requests[1]?.request;
    expect(mock.requests[1]?.path).toBe('/v3.5/chat');
    expect(second?.messages.map((message) => message.role)).toEqual(['system', 'user', 'assistant', 'user']);
    expect(second?.messages[0]?.content).toBe('你是助手');
    expect(second?.messages[3]?.content).toBe('问题二');
  });

  it('tells the user when old turns are dropped to fit the context window', async () => {
    const long = '长'.repeat(4000);
    const run = await runCli(['chat'], { input: `${long}\n${long}\n/exit\n`, env: mockEnv });
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/dropped 2 old messages to fit lite's context window/);
    expect(mock.requests[1]?.request?.messages).toHaveLength(1);
  });

  it('reports a failed answer in one line and keeps going; /reset clears the usage', async () => {
    mock.enqueue({ error: { code: 11201, message: 'DailyLimit' } });
    const run = await runCli(['chat'], { input: '一\n二\n/reset\n/usage\n/bogus\n', env: mockEnv });
    expect(run.code).toBe(0);
    expect(run.stderr).toContain('11201');
    expect(run.stderr).toContain('Unknown command /bogus');
    expect(run.stdout).toContain('Conversation cleared.');
    expect(run.stdout).toContain('No answer yet.');
    // The failed question is not part of the history of the next one.
    expect(mock.requests[1]?.request?.messages).toEqual([{ role: 'user', content: '二' }]);
  });
});

describe('Ctrl-C', () => {
  const slowAnswer = { text: '这是一个很慢很慢的回答，'.repeat(20), chunkChars: 2, latencyMs: 40 };

  it('aborts ask mid-answer with status 130 and one stderr line', async () => {
    mock.enqueue(slowAnswer);
    const run = await runCli(['ask', 'slow'], { env: mockEnv, interruptWhen: (stdout) => stdout.length > 0 });
    expect(run.code).toBe(130);
    expect(run.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(run.stderr).toContain('[aborted]');
    expect(run.stdout.length).toBeLessThan(slowAnswer.text.length);
    expect(await eventually(() => mock.openSockets() === 0)).toBe(true);
  });

  it('stops the current chat answer without leaving the REPL', async () => {
    mock.enqueue(slowAnswer);
    const run = await runCli(['chat'], {
      input: 'slow question\n/usage\n',
      env: mockEnv,
      interruptWhen: (stdout) => stdout.includes('这是'),
    });
    expect(run.code).toBe(0);
    expect(run.stderr).toContain('(answer interrupted)');
    expect(run.stdout).toContain('No answer yet.');
    expect(await eventually(() => mock.openSockets() === 0)).toBe(true);
  });
});

describe('other commands', () => {
  it('lists the registry with models and as JSON with --json', async () => {
    const table = await runCli(['models']);
    expect(table.code).toBe(0);
    for (const id of ['lite', 'generalv3', 'pro-128k', 'generalv3.5', 'max-32k', '4.0Ultra', 'kjwx', 'x1']) {
      expect(table.stdout).toContain(id);
    }
    const json = JSON.parse((await runCli(['models', '--json'])).stdout) as { id: string }[];
    expect(json.map((model) => model.id)).toContain('4.0Ultra');
  });

  it('prints a signed URL on request, which the mock accepts', async () => {
    const run = await runCli(['sign', 'max'], { env: mockEnv });
    expect(run.code).toBe(0);
    const url = new URL(run.stdout.trim());
    expect(`${url.protocol}//${url.host}${url.pathname}`).toBe(`${mock.url}/v3.5/chat`);
    expect(url.searchParams.get('authorization')).toBeTruthy();
    expect(run.stdout).not.toContain(mock.credentials.apiSecret);
  });

  it('passes doctor against the embedded mock', async () => {
    const run = await runCli(['doctor', '--mock']);
    expect(run.code, run.stdout + run.stderr).toBe(0);
    expect(run.stdout).toContain('Clock offset to the server');
    expect(run.stdout).toContain('accepted a signed handshake');
    expect(run.stdout).toContain('All checks passed.');
  });

  it('fails doctor with an explanation when the clock is more than 300 s off', async () => {
    const skewed = await startMock({ now: () => new Date(Date.now() + 20 * 60_000) });
    try {
      const run = await runCli(['doctor'], { env: { ...mockEnv, SPARK_BASE_URL: skewed.url } });
      expect(run.code).toBe(1);
      expect(run.stdout).toMatch(/system clock is 1[12]\d\d s behind the server's/);
      expect(run.stdout).toContain('fix the system clock');
    } finally {
      await skewed.close();
    }
  });

  it('fails doctor naming missing credentials', async () => {
    const run = await runCli(['doctor', '--base-url', mock.url]);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('SPARK_API_SECRET is not set');
  });

  it('prints the version and the help', async () => {
    expect((await runCli(['--version'])).stdout.trim()).toMatch(/^\d+\.\d+\.\d+/);
    const help = await runCli(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('xinghuo ask');
  });
});

describe('xinghuo behind an HTTP proxy', () => {
  it('tunnels ask and doctor through --proxy, saying so', async () => {
    const proxy = await startConnectProxy();
    try {
      const ask = await runCli(['ask', '--proxy', proxy.url, '你好'], { env: mockEnv });
      expect(ask.code, ask.stderr).toBe(0);
      expect(ask.stdout).toContain('你好');
      const doctor = await runCli(['doctor', '--proxy', proxy.url], { env: mockEnv });
      expect(doctor.code, doctor.stdout + doctor.stderr).toBe(0);
      expect(doctor.stdout).toContain(`reachable through the proxy ${new URL(proxy.url).host}`);
      // ask: one tunnel; doctor: the clock probe and the handshake.
      expect(proxy.targets).toEqual(Array(3).fill(new URL(mock.url).host));
    } finally {
      await proxy.close();
    }
  });

  it('follows HTTPS_PROXY and HTTP_PROXY but reaches loopback hosts directly', async () => {
    const run = await runCli(['ask', '--mock', '你好'], {
      env: { HTTP_PROXY: 'http://127.0.0.1:9', HTTPS_PROXY: 'http://127.0.0.1:9' },
    });
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain('你好');
  });

  it('names an unreachable proxy in doctor without its credentials', async () => {
    const run = await runCli(['doctor', '--proxy', 'http://carol:pa55word@127.0.0.1:9'], { env: mockEnv });
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('Cannot reach');
    expect(run.stdout).toContain('proxy 127.0.0.1:9');
    expect(run.stdout + run.stderr).not.toMatch(/pa55word|carol/);
  });
});
