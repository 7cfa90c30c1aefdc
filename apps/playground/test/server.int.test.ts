import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createSignedUrlFetcher, createSparkClient, SparkContentFilterError } from '@xinghuo/browser';
import { type MockSpark, startMockSpark } from '@xinghuo/mock-server';
import { createWsTransport } from '@xinghuo/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type PlaygroundServer, startPlaygroundServer } from '../src/server/playground-server';
import { createPlaygroundClient } from '../src/ui/lib/playground-client';
import type { PlaygroundConfig, RecordedExchange } from '../src/ui/types';

/** The playground server over real loopback sockets, with the SDK client the page uses. */
describe('playground server (mock mode)', () => {
  let staticDir: string;
  let playground: PlaygroundServer;
  let base: string;

  beforeAll(async () => {
    staticDir = await mkdtemp(join(tmpdir(), 'xinghuo-playground-ui-'));
    await writeFile(join(staticDir, 'index.html'), '<!doctype html><title>ui</title>');
    playground = await startPlaygroundServer({ port: 0, env: {}, staticDir, mockLatencyMs: 0 });
    base = `http://127.0.0.1:${playground.port}`;
  });

  afterAll(async () => {
    await playground?.close();
    await rm(staticDir, { recursive: true, force: true });
  });

  it('serves the UI with a content security policy, and index.html for deep links', async () => {
    const page = await fetch(`${base}/`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
    await expect(page.text()).resolves.toContain('<title>ui</title>');
    await expect((await fetch(`${base}/some/deep/link`)).text()).resolves.toContain('<title>ui</title>');
    expect((await fetch(`${base}/missing.js`)).status).toBe(404);
    expect((await fetch(`${base}/`, { method: 'POST' })).status).toBe(405);
  });

  it('tells the page the mode, app id and models, without any secret', async () => {
    const response = await fetch(`${base}/api/config`);
    const text = await response.text();
    const config = JSON.parse(text);
    expect(config).toMatchObject({
      mode: 'mock',
      appId: playground.mock!.credentials.appId,
      defaultModel: 'lite',
    });
    expect(config.models).toContain('generalv3.5');
    expect(config.mockFaults.map((fault: { id: string }) => fault.id)).toContain('input-moderation');
    expect(text).not.toContain(playground.mock!.credentials.apiSecret);
  });

  it('signs URLs for the mock server that the browser client streams from', async () => {
    const client = createSparkClient({
      appId: playground.mock!.credentials.appId,
      signUrl: createSignedUrlFetcher({ endpoint: `${base}/api/spark/sign` }),
      transport: createWsTransport(),
    });
    const result = await client.chat({ model: 'max', messages: [{ role: 'user', content: '你好' }] });
    expect(result.text).toContain('你好');
    expect(result.model).toBe('generalv3.5');
    expect(playground.mock!.requests.at(-1)?.path).toBe('/v3.5/chat');

    const signed = await (await fetch(`${base}/api/spark/sign?model=lite`)).json();
    expect(signed.url.startsWith(`${playground.mock!.url}/v1.1/chat?`)).toBe(true);
    expect(JSON.stringify(signed)).not.toContain(playground.mock!.credentials.apiSecret);
  });

  it("streams through the page's own client: trimmed history, recorded frames, redacted URL", async () => {
    const config = (await (await fetch(`${base}/api/config`)).json()) as PlaygroundConfig;
    const exchanges: RecordedExchange[] = [];
    const client = createPlaygroundClient(config, (exchange) => exchanges.push(exchange), {
      signingEndpoint: `${base}/api/spark/sign`,
      transport: createWsTransport(),
    });
    const long = '旧'.repeat(7_000); // ≈4,700 tokens: more than lite's 8K window leaves beside 4,096 reserved
    const result = await client.chat({
      model: 'lite',
      maxTokens: 4_096,
      trimHistory: { reserveOutputTokens: 4_096 },
      messages: [
        { role: 'user', content: long },
        { role: 'assistant', content: 'ok' },
        { role: 'user', content: '新问题' },
      ],
    });
    expect(result.trimmedMessages).toHaveLength(2);
    expect(playground.mock!.requests.at(-1)?.request?.messages).toEqual([
      { role: 'user', content: '新问题' },
    ]);

    const last = exchanges.at(-1)!;
    expect(last.url).toContain('authorization=[REDACTED]');
    expect(last.frames[0]?.direction).toBe('sent');
    expect(last.frames.filter((frame) => frame.direction === 'received').length).toBeGreaterThan(1);
    expect(JSON.stringify(exchanges)).not.toContain(playground.mock!.credentials.apiSecret);
  });

  it('arms a scripted failure for the next answer only', async () => {
    const client = createSparkClient({
      appId: playground.mock!.credentials.appId,
      signUrl: createSignedUrlFetcher({ endpoint: `${base}/api/spark/sign` }),
      transport: createWsTransport(),
    });
    const armed = await fetch(`${base}/api/mock/next-fault`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"fault":"input-moderation"}',
    });
    expect(armed.status).toBe(200);
    const messages = [{ role: 'user' as const, content: '你好' }];
    const failure = await client.chat({ model: 'lite', messages }).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(SparkContentFilterError);
    expect((failure as SparkContentFilterError).sparkCode).toBe(10013);
    await expect(client.chat({ model: 'lite', messages })).resolves.toMatchObject({ finishReason: 'stop' });
  });

  it('refuses foreign Host names, so a rebound domain cannot fetch signed URLs', async () => {
    const status = (host: string) => signStatus('127.0.0.1', playground.port, host);
    await expect(status('evil.example')).resolves.toBe(403);
    await expect(status(`localhost:${playground.port}`)).resolves.toBe(200);
    // User info in the Host header is malformed: a 400, not a crash in URL handling.
    await expect(status('evil.com@localhost')).resolves.toBe(400);
    await expect(status(`evil.com@localhost:${playground.port}`)).resolves.toBe(400);
  });

  it('refuses a cross-site POST to the mock fault endpoint, so another page cannot arm a fault', async () => {
    const queued = playground.mock!.requests.length;
    const post = (headers: Record<string, string>) =>
      fetch(`${base}/api/mock/next-fault`, { method: 'POST', headers, body: '{"fault":"drop"}' });
    // What `fetch(url, { mode: 'no-cors', method: 'POST', body })` from another page sends.
    const noCors = await post({
      'content-type': 'text/plain;charset=UTF-8',
      origin: 'http://attacker.test',
      'sec-fetch-site': 'cross-site',
      'sec-fetch-mode': 'no-cors',
    });
    expect(noCors.status).toBe(403);
    expect((await post({ 'content-type': 'text/plain;charset=UTF-8' })).status).toBe(415);
    expect((await post({ 'content-type': 'application/json', origin: 'http://attacker.test' })).status).toBe(
      403,
    );
    // Nothing was armed: the next answer streams normally.
    const client = createSparkClient({
      appId: playground.mock!.credentials.appId,
      signUrl: createSignedUrlFetcher({ endpoint: `${base}/api/spark/sign` }),
      transport: createWsTransport(),
    });
    const result = await client.chat({ model: 'lite', messages: [{ role: 'user', content: '你好' }] });
    expect(result.finishReason).toBe('stop');
    expect(playground.mock!.requests.length).toBe(queued + 1);
  });

  it('relays HTTP chat requests to the mock, the page holding no password', async () => {
    const config = JSON.parse(await (await fetch(`${base}/api/config`)).text());
    expect(config.relayPath).toBe('/api/spark');
    const client = createSparkClient({ relayURL: `${base}${config.relayPath}`, maxRetries: 0 });
    const before = playground.mock!.requests.length;
    const result = await client.chat({ model: 'lite', messages: [{ role: 'user', content: '你好' }] });
    expect(result).toMatchObject({ model: 'lite', finishReason: 'stop' });
    expect(result.text.length).toBeGreaterThan(0);
    expect(playground.mock!.requests.slice(before)).toMatchObject([
      { path: '/v1/chat/completions', protocol: 'http' },
    ]);
    expect(JSON.stringify(config)).not.toContain(playground.mock!.apiPassword);
  });

  it('limits request bodies', async () => {
    const response = await fetch(`${base}/api/mock/next-fault`, { method: 'POST', body: 'x'.repeat(20_000) });
    expect(response.status).toBe(413);
  });
});

/** The status of `GET /api/spark/sign` sent to `address:port` with a chosen Host header. */
function signStatus(address: string, port: number, host: string): Promise<number | undefined> {
  return new Promise((resolve, reject) => {
    const outgoing = httpRequest(
      { host: address, port, path: '/api/spark/sign?model=lite', headers: { host } },
      (incoming) => {
        incoming.resume();
        resolve(incoming.statusCode);
      },
    );
    outgoing.on('error', reject);
    outgoing.end();
  });
}

/** HOST spelled in ways that all mean loopback: the DNS-rebinding guard must hold for each. */
describe.each([
  { host: '::ffff:127.0.0.1', dial: '127.0.0.1' },
  { host: '0:0:0:0:0:0:0:1', dial: '::1' },
  { host: '::1', dial: '::1' },
  { host: 'localhost', dial: 'localhost' },
])('playground server bound to HOST=$host', ({ host, dial }) => {
  let staticDir: string;
  let playground: PlaygroundServer;

  beforeAll(async () => {
    staticDir = await mkdtemp(join(tmpdir(), 'xinghuo-playground-ui-'));
    await writeFile(join(staticDir, 'index.html'), '<!doctype html><title>ui</title>');
    playground = await startPlaygroundServer({ port: 0, host, env: {}, staticDir, mockLatencyMs: 0 });
  });

  afterAll(async () => {
    await playground?.close();
    await rm(staticDir, { recursive: true, force: true });
  });

  it('refuses a rebound Host name, serves localhost and rejects malformed Host headers', async () => {
    const status = (hostHeader: string) => signStatus(dial, playground.port, hostHeader);
    await expect(status('rebind.attacker.test')).resolves.toBe(403);
    await expect(status(`rebind.attacker.test:${playground.port}`)).resolves.toBe(403);
    await expect(status('evil.com@localhost')).resolves.toBe(400);
    await expect(status(`localhost:${playground.port}`)).resolves.toBe(200);
    expect(playground.url).toBe(`http://localhost:${playground.port}`);
  });
});

/**
 * Live mode's relay against a stand-in Spark (a mock server started apart, reached through
 * `SPARK_BASE_URL`): the credential comes from `SPARK_API_PASSWORD`, or else is the key pair.
 */
describe('playground server (live mode) HTTP relay', () => {
  const PASSWORD = 'live-relay-password-0123456789';
  let staticDir: string;
  let spark: MockSpark;

  beforeAll(async () => {
    staticDir = await mkdtemp(join(tmpdir(), 'xinghuo-playground-ui-'));
    await writeFile(join(staticDir, 'index.html'), '<!doctype html><title>ui</title>');
    spark = await startMockSpark({ apiPassword: PASSWORD, latencyMs: 0 });
  });

  afterAll(async () => {
    await spark?.close();
    await rm(staticDir, { recursive: true, force: true });
  });

  async function relayedChat(extraEnv: Record<string, string>) {
    const { appId, apiKey, apiSecret } = spark.credentials;
    const env = { SPARK_APP_ID: appId, SPARK_API_KEY: apiKey, SPARK_API_SECRET: apiSecret, ...extraEnv };
    const playground = await startPlaygroundServer({
      port: 0,
      env: { ...env, SPARK_BASE_URL: spark.url },
      staticDir,
    });
    try {
      expect(playground.mode).toBe('live');
      const client = createSparkClient({
        relayURL: `http://127.0.0.1:${playground.port}/api/spark`,
        maxRetries: 0,
      });
      return await client.chat({ model: 'lite', messages: [{ role: 'user', content: '你好' }] });
    } finally {
      await playground.close();
    }
  }

  it('relays to SPARK_BASE_URL (read as http) with SPARK_API_PASSWORD', async () => {
    const before = spark.requests.length;
    const result = await relayedChat({ SPARK_API_PASSWORD: PASSWORD });
    expect(result.finishReason).toBe('stop');
    expect(spark.requests.slice(before)).toMatchObject([
      { path: '/v1/chat/completions', protocol: 'http', bearer: 'api-password' },
    ]);
  });

  it('falls back to the key pair, which the stand-in accepts as key:secret', async () => {
    const before = spark.requests.length;
    const result = await relayedChat({});
    expect(result.finishReason).toBe('stop');
    expect(spark.requests.slice(before)).toMatchObject([{ protocol: 'http', bearer: 'api-key-secret' }]);
  });
});
