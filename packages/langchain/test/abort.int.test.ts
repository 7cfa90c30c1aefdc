import { SparkTimeoutError } from '@xinghuo/core';
import { useMockSpark } from '@xinghuo/mock-server/vitest';
import { afterEach, describe, expect, it } from 'vitest';
import { eventually } from '../../../test-support/eventually';
import { mockModel } from './helpers/mock-model';

const getMock = useMockSpark();

afterEach(async () => {
  // Every path below must leave no socket open on the server.
  expect(await eventually(() => getMock().openSockets() === 0)).toBe(true);
});

describe('aborts and timeouts against the mock server', () => {
  it('rejects an already-aborted signal with AbortError and never connects', async () => {
    const mock = getMock();
    const controller = new AbortController();
    controller.abort();
    const error = await mockModel(mock)
      .invoke('hi', { signal: controller.signal })
      .catch((caught: unknown) => caught);
    expect((error as Error).name).toBe('AbortError');
    expect(mock.connections).toHaveLength(0);
  });

  it('closes the socket when the signal aborts during a stream', async () => {
    const mock = getMock();
    mock.enqueue({ stall: { afterFrames: 2 } });
    const controller = new AbortController();
    const seen: string[] = [];
    const error = await (async () => {
      for await (const chunk of await mockModel(mock).stream('hi', { signal: controller.signal })) {
        seen.push(String(chunk.content));
        if (seen.length === 2) controller.abort();
      }
    })().catch((caught: unknown) => caught);
    expect((error as Error).name).toBe('AbortError');
    expect(seen).toHaveLength(2);
    expect(await eventually(() => mock.openSockets() === 0)).toBe(true);
  });

  it('closes the socket when the consumer breaks out of the stream', async () => {
    const mock = getMock();
    mock.enqueue({ stall: { afterFrames: 1 } });
    for await (const chunk of await mockModel(mock).stream('hi')) {
      expect(String(chunk.content).length).toBeGreaterThan(0);
      break;
    }
    expect(await eventually(() => mock.openSockets() === 0)).toBe(true);
  });

  it('turns the timeout call option into SparkTimeoutError and closes the socket', async () => {
    const mock = getMock();
    mock.enqueue({ stall: { afterFrames: 0 } });
    const error = await mockModel(mock)
      .invoke('hi', { timeout: 200 })
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(SparkTimeoutError);
    expect((error as SparkTimeoutError).phase).toBe('total');
    expect((error as SparkTimeoutError).timeoutMs).toBe(200);
  });

  it('surfaces a socket dropped mid-stream as a retryable connection error, never a short answer', async () => {
    const mock = getMock();
    mock.enqueue({ drop: { afterFrames: 2 } });
    const error = await mockModel(mock)
      .invoke('hi')
      .catch((caught: unknown) => caught);
    expect(error).toMatchObject({ code: 'connection_error', retryable: true });
  });
});
