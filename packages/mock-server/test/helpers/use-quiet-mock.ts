import { afterEach } from 'vitest';
import type { MockSpark, MockSparkOptions } from '../../src/index.js';
import { useMockSpark } from '../../src/vitest.js';
import { eventually } from './raw-client.js';

/**
 * This package's own `useMockSpark` (one server per `describe`, reset after each test), and after each
 * test a wait until every server-side socket has closed and every HTTP exchange has ended: a test that
 * leaves one open fails there.
 */
export function useQuietMockSpark(options: MockSparkOptions = {}): () => MockSpark {
  const spark = useMockSpark(options);
  afterEach(async () => {
    await eventually(() => spark().openSockets() === 0, 'sockets to close');
    await eventually(() => spark().openHttpRequests() === 0, 'HTTP exchanges to end');
  });
  return spark;
}
