/**
 * The browser path: the provider builds its own client over a WHATWG `WebSocket` (here `ws`, as Node 20
 * has no global one) and gets each signed URL from a signing endpoint on a loopback server, so the
 * page holds no API key or secret.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createSignedUrlFetcher } from '@xinghuo/browser';
import { useMockSpark } from '@xinghuo/mock-server/vitest';
import { createSigningHandler, toNodeHandler } from '@xinghuo/node';
import { generateText, streamText } from 'ai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { createSpark } from '../src/index';

describe('browser path through signUrl', () => {
  const mock = useMockSpark();
  let server: Server;
  let endpoint: string;
  let signed = 0;

  beforeAll(async () => {
    const handler = createSigningHandler({
      ...mock().credentials,
      baseURL: mock().url,
      authorize: (request) => request.headers.get('authorization') === 'Bearer session-1',
    });
    server = createServer((request, response) => {
      signed += 1;
      toNodeHandler(handler)(request, response);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/spark/sign`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  const pageProvider = (session: string) =>
    createSpark({
      appId: mock().credentials.appId,
      signUrl: createSignedUrlFetcher({ endpoint, headers: { authorization: `Bearer ${session}` } }),
      WebSocket: WebSocket as never,
      env: {},
    });

  it('signs each request on the server and streams from Spark', async () => {
    mock().enqueue({ text: '来自页面的回答。' });
    const before = signed;
    const result = streamText({ model: pageProvider('session-1')('max'), prompt: '你好' });
    let text = '';
    for await (const chunk of result.textStream) text += chunk;
    expect(text).toBe('来自页面的回答。');
    expect(signed).toBe(before + 1);
    expect(mock().requests[0]?.path).toBe('/v3.5/chat');
  });

  it('a refused signing request fails the call and reaches no Spark socket', async () => {
    await expect(
      generateText({ model: pageProvider('stolen')('max'), prompt: '你好', maxRetries: 0 }),
    ).rejects.toThrow();
    expect(mock().connections).toHaveLength(0);
  });

  it('without client, credentials or a WebSocket the first request says what to pass', async () => {
    const spark = createSpark({ env: {} });
    await expect(generateText({ model: spark('max'), prompt: '你好' })).rejects.toThrow(/SPARK_APP_ID/);
  });
});
