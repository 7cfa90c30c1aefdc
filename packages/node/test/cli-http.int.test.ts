import type { MockSpark } from '@xinghuo/mock-server';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startMock } from './helpers';
import { startConnectProxy } from './loopback-servers';
import { runCli } from './run-cli';

// The CLI over Spark's OpenAI-compatible HTTP API (issue 14 item 6), against the mock's HTTP face.

const WRONG_PASSWORD = 'wrong-password-for-the-doctor-0001';

let mock: MockSpark;
/** Only the HTTP credential: no APPID, key or secret, so nothing else could authenticate. */
let httpEnv: Record<string, string>;

beforeAll(async () => {
  mock = await startMock();
  httpEnv = { SPARK_API_PASSWORD: mock.apiPassword, SPARK_BASE_URL: mock.url };
});
afterEach(() => mock.reset());
afterAll(async () => {
  await mock.close();
});

function expectNoSecrets(text: string, secrets: readonly string[] = [mock.apiPassword]) {
  for (const secret of secrets) expect(text).not.toContain(secret);
  expect(text).not.toContain('Bearer');
}

function expectAllOverHttp() {
  expect(mock.requests.length).toBeGreaterThan(0);
  for (const request of mock.requests) {
    expect(request.protocol).toBe('http');
    expect(request.bearer).toBe('api-password');
  }
}

describe('xinghuo ask and chat over HTTP', () => {
  it('ask --mock --protocol http streams an answer from the embedded mock', async () => {
    const run = await runCli(['ask', '--mock', '--protocol', 'http', '你好']);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain('你好');
    expect(run.stderr).toBe('');
  });

  // The banner (a terminal only) is checked in src/cli/repl.test.ts.
  it('chat --mock --protocol http answers every turn', async () => {
    const run = await runCli(['chat', '--mock', '--protocol', 'http'], { input: '第一问\n第二问\n/exit\n' });
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain('第一问');
    expect(run.stdout).toContain('第二问');
  });

  it('chat --protocol http sends every turn, with the history, over HTTP', async () => {
    const run = await runCli(['chat', '--protocol', 'http'], {
      input: '第一问\n第二问\n/exit\n',
      env: httpEnv,
    });
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain('第二问');
    expectAllOverHttp();
    expect(mock.requests).toHaveLength(2);
    expect(mock.requests[1]?.raw).toContain('第一问');
    expectNoSecrets(run.stdout + run.stderr);
  });

  it('ask --protocol http talks HTTP to a configured server with the APIPassword', async () => {
    const run = await runCli(['ask', '--protocol', 'http', '-m', 'max', '你好'], {
      env: { ...httpEnv, SPARK_APP_ID: mock.credentials.appId },
    });
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain('你好');
    expectAllOverHttp();
    expect(mock.requests[0]?.path).toBe('/v1/chat/completions');
    expectNoSecrets(run.stdout + run.stderr);
  });

  it('SPARK_PROTOCOL=http selects HTTP even when WebSocket credentials are set', async () => {
    const run = await runCli(['ask', 'hi'], {
      env: { ...httpEnv, ...mock.credentials, SPARK_PROTOCOL: 'http' },
    });
    expect(run.code, run.stderr).toBe(0);
    expectAllOverHttp();
    // No WebSocket handshake either: every connection the mock saw was an HTTP request.
    for (const connection of mock.connections) expect(connection.protocol).toBe('http');
  });

  it('--protocol ws wins over SPARK_PROTOCOL=http', async () => {
    const env = {
      ...httpEnv,
      SPARK_APP_ID: mock.credentials.appId,
      SPARK_API_KEY: mock.credentials.apiKey,
      SPARK_API_SECRET: mock.credentials.apiSecret,
      SPARK_PROTOCOL: 'http',
    };
    const run = await runCli(['ask', '--protocol', 'ws', 'hi'], { env });
    expect(run.code, run.stderr).toBe(0);
    expect(mock.requests[0]?.protocol).toBeUndefined();
    expect(mock.connections[0]?.status).toBe(101);
    expect(mock.connections[0]?.protocol).toBeUndefined();
  });

  it('ask --json over HTTP includes the reasoning and every function call', async () => {
    mock.enqueue({ text: '答案', reasoning: '先想一想' });
    const thinking = await runCli(['ask', '--json', '--protocol', 'http', '-m', 'x1', 'q'], { env: httpEnv });
    expect(thinking.code, thinking.stderr).toBe(0);
    expect(JSON.parse(thinking.stdout)).toMatchObject({ text: '答案', reasoning: '先想一想', model: 'x1' });

    mock.enqueue({ functionCall: { name: 'get_weather', arguments: { city: '合肥' } } });
    const calling = await runCli(['ask', '--json', '--protocol', 'http', '-m', 'max', 'weather?'], {
      env: httpEnv,
    });
    expect(calling.code, calling.stderr).toBe(0);
    const output = JSON.parse(calling.stdout) as {
      functionCall: { name: string; arguments: string };
      functionCalls: { name: string; arguments: string }[];
    };
    expect(output.functionCall.name).toBe('get_weather');
    expect(output.functionCalls.map((call) => call.name)).toEqual(['get_weather']);
    expect(JSON.parse(output.functionCalls[0]?.arguments ?? '')).toEqual({ city: '合肥' });
    expectAllOverHttp();
    expectNoSecrets(thinking.stdout + thinking.stderr + calling.stdout + calling.stderr);
  });

  it('reports a wrong APIPassword as a 401 without printing it, even with XINGHUO_DEBUG', async () => {
    const run = await runCli(['ask', 'hi'], {
      env: { ...httpEnv, SPARK_API_PASSWORD: WRONG_PASSWORD, XINGHUO_DEBUG: '1' },
    });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('[auth_error]');
    expect(run.stderr).toContain('HTTP 401');
    expectNoSecrets(run.stdout + run.stderr, [WRONG_PASSWORD, mock.apiPassword]);
  });
});

describe('xinghuo over HTTP behind a proxy', () => {
  it('tunnels ask and doctor through --proxy, with the proxy credentials, saying so', async () => {
    const proxy = await startConnectProxy({ credentials: 'carol:pa55word' });
    try {
      const proxyUrl = proxy.url.replace('http://', 'http://carol:pa55word@');
      const ask = await runCli(['ask', '--protocol', 'http', '--proxy', proxyUrl, '你好'], { env: httpEnv });
      expect(ask.code, ask.stderr).toBe(0);
      expect(ask.stdout).toContain('你好');
      expectAllOverHttp();
      const doctor = await runCli(['doctor', '--protocol', 'http', '--proxy', proxyUrl], { env: httpEnv });
      expect(doctor.code, doctor.stdout + doctor.stderr).toBe(0);
      expect(doctor.stdout).toContain(`reachable through the proxy ${new URL(proxy.url).host}`);
      // ask: one tunnel; doctor: the reachability probe and the authenticated request.
      expect(proxy.targets).toEqual(Array(3).fill(new URL(mock.httpURL).host));
      expect(proxy.authorizations.every((value) => value?.startsWith('Basic '))).toBe(true);
      expectNoSecrets(ask.stdout + doctor.stdout + doctor.stderr);
      expect(ask.stdout + doctor.stdout).not.toMatch(/pa55word|carol/);
    } finally {
      await proxy.close();
    }
  });

  it('names a proxy that refuses the tunnel, without its credentials', async () => {
    const proxy = await startConnectProxy({ credentials: 'carol:right' });
    try {
      const proxyUrl = proxy.url.replace('http://', 'http://carol:wrong-pa55@');
      const run = await runCli(['ask', '--protocol', 'http', '--proxy', proxyUrl, 'hi'], { env: httpEnv });
      expect(run.code).toBe(1);
      expect(run.stderr).toContain('407');
      expect(run.stderr).not.toMatch(/wrong-pa55/);
      expect(mock.requests).toHaveLength(0);
    } finally {
      await proxy.close();
    }
  });
});

describe('xinghuo doctor over HTTP', () => {
  it('passes against the embedded mock (--mock --protocol http)', async () => {
    const run = await runCli(['doctor', '--mock', '--protocol', 'http']);
    expect(run.code, run.stdout + run.stderr).toBe(0);
    expect(run.stdout).toContain('over HTTP');
    expect(run.stdout).toContain("SPARK_API_PASSWORD: the embedded mock's test value");
    expect(run.stdout).toContain('The HTTP API accepted the credential for lite');
    expect(run.stdout).toContain('All checks passed.');
    expect(run.stdout).not.toContain('handshake');
  });

  it('checks the HTTP credential when only SPARK_API_PASSWORD is set (no --protocol)', async () => {
    const run = await runCli(['doctor'], { env: httpEnv });
    expect(run.code, run.stdout + run.stderr).toBe(0);
    expect(run.stdout).toContain(`SPARK_API_PASSWORD is set (${mock.apiPassword.length} characters)`);
    expect(run.stdout).toContain('All checks passed.');
    expectAllOverHttp();
    expectNoSecrets(run.stdout + run.stderr);
  });

  it('reports a wrong password as the 401 it got, without printing the password', async () => {
    const run = await runCli(['doctor', '--protocol', 'http'], {
      env: { ...httpEnv, SPARK_API_PASSWORD: WRONG_PASSWORD },
    });
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/✗ The HTTP API refused a request for lite .*\[auth_error\].*HTTP 401/);
    expect(run.stdout).toContain('Check SPARK_API_PASSWORD');
    expect(run.stdout).toContain('Some checks failed');
    expectNoSecrets(run.stdout + run.stderr, [WRONG_PASSWORD, mock.apiPassword]);
  });

  it('names the missing HTTP credential', async () => {
    const run = await runCli(['doctor', '--protocol', 'http', '--base-url', mock.url]);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('SPARK_API_PASSWORD is not set');
    expect(run.stdout).toContain('Authenticated HTTP request skipped');
    expect(mock.requests).toHaveLength(0);
  });
});
