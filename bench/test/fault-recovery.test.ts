import { createSparkClient } from '@xinghuo/core';
import { deterministicAnswer, type MockScenario, type MockSpark, startMockSpark } from '@xinghuo/mock-server';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { eventually } from '../../test-support/eventually';
import { nothingOpen } from './support/nothing-open';
import {
  type TrackedTransport,
  trackedBrowserTransport,
  trackedHttpFetch,
  trackedNodeTransport,
} from './support/tracked-transports';

type TransportName = 'node' | 'browser' | 'http';

interface RecoveryCase {
  name: string;
  /** Scenarios for the first connections; later ones get the default answer. */
  scenarios?: MockScenario[];
  /** Refuse this many handshakes with HTTP 500 first. */
  refuseFirst?: number;
  /** Offset of the client's clock from the server's, in ms. */
  clockOffsetMs?: number;
  /** Handshakes the exchange needs in total. */
  connections: number;
  transports?: readonly TransportName[];
}

const CASES: readonly RecoveryCase[] = [
  {
    name: 'a busy service (10110) before any output',
    scenarios: [{ error: { code: 10110 } }],
    connections: 2,
  },
  {
    name: 'two engine failures (10222, 10010) in a row',
    scenarios: [{ error: { code: 10222 } }, { error: { code: 10010 } }],
    connections: 3,
  },
  { name: 'a drop before any output', scenarios: [{ drop: { afterFrames: 0 } }], connections: 2 },
  { name: 'a refused handshake (HTTP 500)', refuseFirst: 1, connections: 2 },
  {
    name: 'a rate limit (HTTP 429 with Retry-After: 0)',
    scenarios: [
      { reject: { status: 429, body: { message: 'Too Many Requests' }, headers: { 'Retry-After': '0' } } },
    ],
    connections: 2,
    transports: ['http'],
  },
  {
    name: 'a body cut before any chunk (no [DONE])',
    scenarios: [{ frames: [] }],
    connections: 2,
    transports: ['http'],
  },
  {
    // Only the Node transport sees the response's Date header, from which the client learns the offset.
    name: 'a client clock ten minutes slow (403, then re-signed with the server date)',
    clockOffsetMs: -600_000,
    connections: 2,
    transports: ['node'],
  },
];

const TRANSPORTS: Record<TransportName, () => TrackedTransport> = {
  node: trackedNodeTransport,
  browser: trackedBrowserTransport,
  http: trackedHttpFetch,
};

describe.each(['node', 'browser', 'http'] as const)('recovery over the %s transport', (transportName) => {
  let mock: MockSpark;
  beforeAll(async () => {
    mock = await startMockSpark();
  });
  afterEach(() => mock.reset());
  afterAll(() => mock.close());

  const cases = CASES.filter((recovery) =>
    (recovery.transports ?? ['node', 'browser', 'http']).includes(transportName),
  );
  it.each(cases)('recovers from $name without losing or repeating text', async (recovery) => {
    const tracked = TRANSPORTS[transportName]();
    if (recovery.scenarios) mock.enqueue(...recovery.scenarios);
    let refusals = recovery.refuseFirst ?? 0;
    mock.use({
      handshake: () => {
        if (refusals === 0) return undefined;
        refusals -= 1;
        return { status: 500, body: { message: 'internal error' } };
      },
    });
    const handshakesBefore = mock.connections.length;
    const client = createSparkClient({
      ...tracked.clientOptions,
      ...(tracked.name === 'http'
        ? { apiPassword: mock.apiPassword, baseURL: mock.httpURL }
        : { ...mock.credentials, baseURL: mock.url }),
      defaultModel: 'lite',
      maxRetries: 2,
      retryDelay: { baseDelayMs: 10, maxDelayMs: 20 },
      ...(recovery.clockOffsetMs ? { now: () => Date.now() + recovery.clockOffsetMs! } : {}),
    });
    const prompt = `恢复测试：${recovery.name}`;
    let streamed = '';
    const stream = client.stream({ messages: [{ role: 'user', content: prompt }] });
    for await (const event of stream) if (event.type === 'text-delta') streamed += event.text;
    const result = await stream.finalResult();

    const expected = deterministicAnswer([{ role: 'user', content: prompt }]);
    expect(streamed).toBe(expected);
    expect(result.text).toBe(expected);
    expect(mock.connections.length - handshakesBefore).toBe(recovery.connections);
    if (recovery.clockOffsetMs) {
      // The retry was signed with the server's clock, not the client's.
      const signedDates = tracked.urls.map((url) => Date.parse(new URL(url).searchParams.get('date') ?? ''));
      expect(Math.abs(signedDates[1]! - Date.now())).toBeLessThan(60_000);
    }
    // Every attempt dialled a URL of its own signing (one per handshake).
    expect(tracked.urls).toHaveLength(recovery.connections);
    expect(await eventually(() => nothingOpen(mock, tracked.openSockets()))).toBe(true);
  });
});
