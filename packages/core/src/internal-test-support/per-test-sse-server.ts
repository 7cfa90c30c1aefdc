/**
 * One loopback SSE server per test, closed after it: the set-up the HTTP client tests share.
 * Not part of the published bundles.
 */
import { afterEach } from 'vitest';
import { type RecordedRequest, type ScriptContext, type SseServer, startSseServer } from './sse-server';

/** The server of the running test; `url` and `requests` throw until `start` was awaited. */
export interface PerTestSseServer {
  /** Starts this test's server on a free loopback port; it is closed after the test. */
  start(script: (context: ScriptContext) => void | Promise<void>): Promise<SseServer>;
  /** `http://127.0.0.1:<port>`: the client's `baseURL`. */
  readonly url: string;
  /** Every request the server received, in order. */
  readonly requests: RecordedRequest[];
}

/**
 * Registers an `afterEach` that closes the server each test starts, so no test sees another's
 * requests and none leaves a socket open. Call it once, at the top of a test file.
 */
export function useSseServer(): PerTestSseServer {
  let current: SseServer | undefined;
  afterEach(async () => {
    await current?.close();
    current = undefined;
  });
  const running = (): SseServer => {
    if (!current) throw new Error('start the server first');
    return current;
  };
  return {
    async start(script) {
      current = await startSseServer(script);
      return current;
    },
    get url() {
      return running().url;
    },
    get requests() {
      return running().requests;
    },
  };
}
