import type { MockSpark } from '@xinghuo/mock-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createNodeFetch } from '../src/http/node-fetch';
import { createSparkClient } from '../src/index';
import { startMock } from './helpers';
import { eventually, startConnectProxy } from './loopback-servers';

let mock: MockSpark;
beforeAll(async () => {
  mock = await startMock();
});
afterAll(async () => {
  await mock.close();
});

function httpClient(proxy: string | undefined) {
  return createSparkClient({
    env: {},
    protocol: 'http',
    apiPassword: mock.apiPassword,
    baseURL: mock.httpURL,
    defaultModel: 'max',
    maxRetries: 0,
    fetch: createNodeFetch({ proxy }),
  });
}

describe('createNodeFetch through a proxy', () => {
  it('streams a whole HTTP-protocol answer through the CONNECT tunnel', async () => {
    const proxy = await startConnectProxy();
    try {
      mock.enqueue({ text: '一二三四五六七八九十', chunkChars: 2 });
      const deltas: string[] = [];
      const stream = httpClient(proxy.url).stream({ messages: [{ role: 'user', content: 'q' }] });
      for await (const text of stream.textStream) deltas.push(text);
      expect(deltas.join('')).toBe('一二三四五六七八九十');
      expect(deltas.length).toBeGreaterThan(1);
      expect(proxy.targets).toEqual([new URL(mock.httpURL).host]);
      expect(mock.requests.at(-1)?.protocol).toBe('http');
      // One tunnel per request, closed with its answer: none is left to keep a process alive.
      expect(await eventually(() => proxy.openSockets() === 0)).toBe(true);
    } finally {
      await proxy.close();
    }
  });

  it('closes the tunnel when the answer is aborted mid-stream', async () => {
    const proxy = await startConnectProxy();
    try {
      mock.enqueue({ text: 'x'.repeat(200), chunkChars: 1, latencyMs: 20 });
      const controller = new AbortController();
      const stream = httpClient(proxy.url).stream(
        { messages: [{ role: 'user', content: 'q' }] },
        { signal: controller.signal },
      );
      const reading = (async () => {
        for await (const _ of stream.textStream) controller.abort();
      })();
      await expect(reading).rejects.toMatchObject({ code: 'aborted' });
      expect(await eventually(() => proxy.openSockets() === 0)).toBe(true);
      expect(await eventually(() => mock.openHttpRequests() === 0)).toBe(true);
    } finally {
      await proxy.close();
    }
  });

  it('is what createSparkClient uses over HTTP when ws.proxy is set and no fetch is given', async () => {
    const proxy = await startConnectProxy();
    try {
      const client = createSparkClient({
        env: {},
        protocol: 'http',
        apiPassword: mock.apiPassword,
        baseURL: mock.httpURL,
        defaultModel: 'max',
        ws: { proxy: proxy.url },
      });
      const result = await client.chat({ messages: [{ role: 'user', content: '你好' }] });
      expect(result.text).toContain('你好');
      expect(proxy.targets).toEqual([new URL(mock.httpURL).host]);
    } finally {
      await proxy.close();
    }
  });

  it('sends unproxied requests directly', async () => {
    const result = await httpClient(undefined).chat({ messages: [{ role: 'user', content: '你好' }] });
    expect(result.text).toContain('你好');
  });

  it('closes the tunnel of a request Node refuses to send (a header value with a line break)', async () => {
    const proxy = await startConnectProxy();
    try {
      const password = 'pass-with-newline-0001';
      const failure = await createNodeFetch({ proxy: proxy.url })(`${mock.httpURL}/v1/chat/completions`, {
        method: 'POST',
        headers: { authorization: `Bearer ${password}\n` },
        body: '{}',
      }).catch((error: unknown) => error as TypeError);
      expect(failure).toBeInstanceOf(TypeError);
      expect((failure as TypeError).message).toBe('fetch failed');
      expect(String((failure as TypeError).cause)).not.toContain(password);
      expect(proxy.targets).toEqual([new URL(mock.httpURL).host]);
      expect(await eventually(() => proxy.openSockets() === 0)).toBe(true);
    } finally {
      await proxy.close();
    }
  });
});
