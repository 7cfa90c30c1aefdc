import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { deterministicAnswer } from '../src/index.js';
import { createMockSparkHandler } from '../src/msw.js';
import { eventually, type Frame } from './helpers/raw-client.js';
import { requestFrame } from './helpers/request-frame.js';
import { signTestUrl } from './helpers/sign-url.js';

interface BrowserConversation {
  opened: boolean;
  errored: boolean;
  frames: Frame[];
  closeCode: number;
}

/** Talks to a URL through the global WebSocket, as browser code would. */
function talk(url: string, frame: unknown): Promise<BrowserConversation> {
  return new Promise((resolve) => {
    const result: BrowserConversation = { opened: false, errored: false, frames: [], closeCode: 0 };
    const socket = new WebSocket(url);
    socket.addEventListener('open', () => {
      result.opened = true;
      socket.send(JSON.stringify(frame));
    });
    socket.addEventListener('error', () => {
      result.errored = true;
    });
    socket.addEventListener('message', (event) => result.frames.push(JSON.parse(String(event.data))));
    socket.addEventListener('close', (event) => {
      result.closeCode = event.code;
      resolve(result);
    });
  });
}

describe('msw handler', () => {
  const spark = createMockSparkHandler({ chunkChars: 5 });
  const server = setupServer(spark.handler);
  beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
  afterEach(async () => {
    spark.reset();
    await eventually(() => spark.openSockets() === 0, 'intercepted sockets to close');
  });
  afterAll(() => server.close());

  const sign = (model: string, apiSecret = spark.credentials.apiSecret) =>
    signTestUrl(spark.modelUrl(model), { apiKey: spark.credentials.apiKey, apiSecret });
  const frame = (domain: string, content = '浏览器里的问题') =>
    requestFrame({ appId: spark.credentials.appId, domain, messages: [{ role: 'user', content }] });

  it('streams the same deterministic answer as the ws server through the global WebSocket', async () => {
    expect(spark.modelUrl('max')).toBe('wss://spark-api.xf-yun.com/v3.5/chat');
    const result = await talk(sign('max'), frame('generalv3.5'));
    expect(result.opened).toBe(true);
    expect(result.frames.map((item) => item.header.status)).toEqual([
      0,
      ...result.frames.slice(2).map(() => 1),
      2,
    ]);
    const text = result.frames.map((item) => item.payload?.choices?.text[0]?.content ?? '').join('');
    expect(text).toBe(deterministicAnswer([{ role: 'user', content: '浏览器里的问题' }]));
    expect(result.closeCode).toBe(1000);
    expect(spark.requests[0]).toMatchObject({ path: '/v3.5/chat', model: 'generalv3.5' });
    expect(spark.requests[0]?.url).toContain('authorization=[REDACTED]');
  });

  it('refuses a wrong signature like a browser sees it: error, 1006 close, never open', async () => {
    const result = await talk(sign('max', 'w'.repeat(32)), frame('generalv3.5'));
    expect(result.opened).toBe(false);
    expect(result.errored).toBe(true);
    expect(result.closeCode).toBe(1006);
    expect(result.frames).toHaveLength(0);
    expect(spark.connections.at(-1)).toMatchObject({ status: 401 });
  });

  it('refuses scripted rejections and unknown paths before open too', async () => {
    spark.enqueue({ reject: { status: 403, body: { message: 'clock' } } });
    const rejected = await talk(sign('max'), frame('generalv3.5'));
    expect([rejected.opened, rejected.closeCode]).toEqual([false, 1006]);
    const unknown = await talk(
      signTestUrl('wss://spark-api.xf-yun.com/v9/chat', {
        apiKey: spark.credentials.apiKey,
        apiSecret: spark.credentials.apiSecret,
      }),
      frame('generalv3.5'),
    );
    expect([unknown.opened, unknown.closeCode]).toEqual([false, 1006]);
    expect(spark.connections.map((connection) => connection.status)).toEqual([403, 404]);
  });

  it('plays queued scenarios and validation errors', async () => {
    spark.enqueue({ error: { code: 10013 } });
    const moderated = await talk(sign('lite'), frame('lite'));
    expect(moderated.frames.map((item) => item.header.code)).toEqual([10013]);
    const mismatch = await talk(sign('lite'), frame('generalv3.5'));
    expect(mismatch.frames.map((item) => item.header.code)).toEqual([10163]);
  });

  it('drops a connection as an abnormal 1006 close without a final frame', async () => {
    spark.enqueue({ drop: { afterFrames: 1 } });
    const result = await talk(sign('max'), frame('generalv3.5'));
    expect(result.frames).toHaveLength(1);
    expect(result.closeCode).toBe(1006);
  });
});
