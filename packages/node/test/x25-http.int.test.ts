import type { MockSpark } from '@xinghuo/mock-server';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createSparkClient } from '../src/index';
import { startMock } from './helpers';

// The hosted X2.5 exists only over HTTP: without a `protocol` the client must pick HTTP for it, send
// `max_completion_tokens` rather than `max_tokens`, and read its stream like X2's.

let mock: MockSpark;

beforeAll(async () => {
  mock = await startMock();
});
afterEach(() => mock.reset());
afterAll(async () => {
  await mock.close();
});

describe('X2.5 (HTTP only)', () => {
  it('goes over HTTP without being told, with max_completion_tokens, and streams its answer', async () => {
    const client = createSparkClient({ apiPassword: mock.apiPassword, baseURL: mock.url, env: {} });
    const stream = client.stream({
      model: 'x2.5',
      maxTokens: 200_000,
      messages: [{ role: 'user', content: '你好，X2.5' }],
    });
    let streamed = '';
    for await (const delta of stream.textStream) streamed += delta;
    const result = await stream.finalResult();

    expect(result.text).toBe(streamed);
    expect(result.text.length).toBeGreaterThan(0);
    expect(result.usage?.totalTokens).toBeGreaterThan(0);
    const [record] = mock.requests;
    expect(record?.protocol).toBe('http');
    expect(record?.path).toBe('/x2.5/chat/completions');
    expect(record?.frame).toMatchObject({ model: 'spark-x2.5', max_completion_tokens: 200_000 });
    expect(record?.frame).not.toHaveProperty('max_tokens');
  });

  it('refuses a WebSocket request for X2.5 before any network I/O', async () => {
    const client = createSparkClient({ apiPassword: mock.apiPassword, baseURL: mock.url, env: {} });
    await expect(
      client.chat({ model: 'x2.5', protocol: 'ws', messages: [{ role: 'user', content: '你好' }] }),
    ).rejects.toMatchObject({ code: expect.stringMatching(/config|invalid/) });
    expect(mock.requests).toHaveLength(0);
  });
});
