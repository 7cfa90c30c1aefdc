import { describe, expect, it } from 'vitest';
import { nodeHmacSha256Base64 } from './auth/hmac-node.js';
import { type HandshakeDecision, MockSparkEngine } from './engine.js';
import { MAX_REFUSED_URL_CHARS } from './records.js';

describe('MockSparkEngine records', () => {
  it('keeps 1,000 handshakes by default after 3,000 refused 14 KB ones, and none of their bodies', () => {
    const engine = new MockSparkEngine({}, nodeHmacSha256Base64);
    const padding = 'x'.repeat(14_000);
    for (let index = 0; index < 3_000; index += 1) {
      const query = new URLSearchParams({ authorization: padding, date: 'x', host: 'y', n: String(index) });
      const decision = engine.handshake({
        path: '/v3.5/chat',
        query,
        host: '127.0.0.1:1',
        url: `ws://127.0.0.1:1/v3.5/chat?${query}`,
      }) as HandshakeDecision;
      expect(decision.accepted).toBe(false);
    }
    expect(engine.connections).toHaveLength(1_000);
    expect(engine.connections.at(-1)?.url).toContain('authorization=[REDACTED]');
    const kept = engine.connections.reduce((sum, connection) => sum + connection.url.length, 0);
    expect(kept).toBeLessThanOrEqual(1_000 * (MAX_REFUSED_URL_CHARS + 1));
    expect(engine.connections.some((connection) => connection.url.includes(padding))).toBe(false);
    // The latest are kept: the last record is of handshake 2,999.
    expect(engine.connections.at(-1)?.url).toContain('n=2999');
  });

  it('keeps none with maxRecords 0', () => {
    const engine = new MockSparkEngine({ maxRecords: 0 }, nodeHmacSha256Base64);
    engine.handshake({ path: '/nowhere', query: new URLSearchParams(), host: 'h', url: 'ws://h/nowhere' });
    expect(engine.connections).toEqual([]);
  });
});
