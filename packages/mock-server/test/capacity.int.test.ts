import { describe, expect, it } from 'vitest';
import { startMockSpark } from '../src/index.js';
import { holdUntilAllArrive } from './helpers/hold-until-all-arrive.js';
import { converse, eventually } from './helpers/raw-client.js';
import { requestFrame } from './helpers/request-frame.js';
import { signTestUrl } from './helpers/sign-url.js';

const SESSIONS = 1000;

describe('capacity', () => {
  it(`holds ${SESSIONS} concurrent sessions on loopback and answers every one`, {
    timeout: 30_000,
  }, async () => {
    const mock = await startMockSpark({ latencyMs: 5 });
    try {
      const allArrived = holdUntilAllArrive(mock, SESSIONS);

      const conversations = Array.from({ length: SESSIONS }, (_unused, index) =>
        converse(
          signTestUrl(mock.modelUrl('lite'), {
            apiKey: mock.credentials.apiKey,
            apiSecret: mock.credentials.apiSecret,
          }),
          requestFrame({
            appId: mock.credentials.appId,
            domain: 'lite',
            messages: [{ role: 'user', content: `问题 ${index}` }],
          }),
        ),
      );
      await allArrived;
      expect(mock.openSockets()).toBe(SESSIONS);

      const results = await Promise.all(conversations);
      for (const result of results) {
        expect(result.frames.at(-1)?.header).toMatchObject({ code: 0, status: 2 });
      }
      expect(new Set(results.map((result) => result.frames[0]?.header.sid)).size).toBe(SESSIONS);
      await eventually(() => mock.openSockets() === 0, 'all sessions to close');
    } finally {
      await mock.close();
    }
  });
});
