import { afterAll, afterEach, beforeAll } from 'vitest';
import { type MockSpark, type MockSparkOptions, startMockSpark } from './server.js';

/**
 * Starts a mock Spark server for the current test file: started in `beforeAll`, reset (queue, handlers,
 * records) after each test, closed in `afterAll`. Returns an accessor, since the server only exists
 * once `beforeAll` has run.
 *
 * @example
 * import { useMockSpark } from '@xinghuo/mock-server/vitest';
 *
 * const spark = useMockSpark();
 *
 * it('answers', async () => {
 *   const mock = spark();
 *   const client = createSparkClient({ ...mock.credentials, baseURL: mock.url, transport });
 *   expect((await client.chat({ messages: [{ role: 'user', content: '你好' }] })).text).toContain('你好');
 * });
 */
export function useMockSpark(options: MockSparkOptions = {}): () => MockSpark {
  let mock: MockSpark | undefined;
  beforeAll(async () => {
    mock = await startMockSpark(options);
  });
  afterEach(() => {
    mock?.reset();
  });
  afterAll(async () => {
    await mock?.close();
    mock = undefined;
  });
  return () => {
    if (mock === undefined)
      throw new Error('useMockSpark(): the mock server is only available inside tests.');
    return mock;
  };
}

export type { MockSpark, MockSparkOptions } from './server.js';
