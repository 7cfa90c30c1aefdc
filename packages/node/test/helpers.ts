import { type MockSpark, startMockSpark } from '@xinghuo/mock-server';
import type { NodeSparkClientOptions } from '../src/create-client';
import { createSparkClient } from '../src/index';

/** Options for a client aimed at `mock`: its credentials, its URL, no environment, fast retries. */
export function mockClientOptions(
  mock: MockSpark,
  overrides: NodeSparkClientOptions = {},
): NodeSparkClientOptions {
  return {
    env: {},
    ...mock.credentials,
    baseURL: mock.url,
    defaultModel: 'lite',
    retryDelay: { baseDelayMs: 5, maxDelayMs: 20 },
    ...overrides,
  };
}

/** A Node client (the real `ws` transport) aimed at `mock`. */
export function mockClient(mock: MockSpark, overrides: NodeSparkClientOptions = {}) {
  return createSparkClient(mockClientOptions(mock, overrides));
}

/** Starts a mock Spark server; the caller closes it. */
export function startMock(options: Parameters<typeof startMockSpark>[0] = {}): Promise<MockSpark> {
  return startMockSpark(options);
}

/** The one-question conversation most tests send. */
export const HELLO = [{ role: 'user' as const, content: '你好' }];
