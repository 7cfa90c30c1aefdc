import { createBrowserTransport } from '@xinghuo/browser';
import { SparkAbortError, SparkConnectionError } from '@xinghuo/core';
import { useMockSpark } from '@xinghuo/mock-server/vitest';
import { afterEach, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { eventually } from '../../../test-support/eventually';
import { ChatSpark } from '../src/index';

const getMock = useMockSpark();

afterEach(async () => {
  expect(await eventually(() => getMock().openSockets() === 0)).toBe(true);
});

// ChatSpark's default transport for runtimes with a global WebSocket is @xinghuo/browser's. `ws`
// implements the same WHATWG interface, so it stands in for that global without touching globals.
const transport = createBrowserTransport({ WebSocket });

describe('ChatSpark with credentials over a WHATWG WebSocket', () => {
  it('signs with the SDK and gets an answer the mock accepted', async () => {
    const mock = getMock();
    const model = new ChatSpark({
      ...mock.credentials,
      baseURL: mock.url,
      transport,
      model: 'lite',
      maxRetries: 0,
    });
    const message = await model.invoke('你好');
    expect(String(message.content)).toContain('你好');
    expect(mock.connections.at(-1)?.status).toBe(101);
  });

  it('reports a refused handshake as SparkConnectionError without the signed URL', async () => {
    const mock = getMock();
    const model = new ChatSpark({
      ...mock.credentials,
      apiSecret: 'X'.repeat(32),
      baseURL: mock.url,
      transport,
      maxRetries: 0,
    });
    const error = await model.invoke('hi').catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(SparkConnectionError);
    expect((error as Error).message).not.toMatch(/authorization=/);
    expect(mock.connections.at(-1)?.status).toBe(401);
  });

  it('rejects with SparkAbortError when aborted while connecting', async () => {
    const mock = getMock();
    const controller = new AbortController();
    const connecting = transport(`${mock.url}/v1.1/chat`, { signal: controller.signal });
    controller.abort();
    await expect(connecting).rejects.toBeInstanceOf(SparkAbortError);
  });
});
