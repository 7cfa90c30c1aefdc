import { type MockSpark, startMockSpark } from '@xinghuo/mock-server';
import { afterAll, afterEach, beforeAll } from 'vitest';
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

/** The `SPARK_*` variables that point a spawned CLI at `mock` over WebSocket. */
export function cliEnvFor(mock: MockSpark): Record<string, string> {
  return {
    SPARK_APP_ID: mock.credentials.appId,
    SPARK_API_KEY: mock.credentials.apiKey,
    SPARK_API_SECRET: mock.credentials.apiSecret,
    SPARK_BASE_URL: mock.url,
  };
}

/**
 * One mock for a file of spawned-CLI tests: started before the first test and handed over with the
 * variables that point the CLI at it, reset after each test, closed after the last.
 */
export function useCliMock(onStart: (mock: MockSpark, env: Record<string, string>) => void): void {
  let started: MockSpark | undefined;
  beforeAll(async () => {
    started = await startMock();
    onStart(started, cliEnvFor(started));
  });
  afterEach(() => started?.reset());
  afterAll(async () => {
    await started?.close();
  });
}
