import { describe, expect, it } from 'vitest';
import { DEFAULT_API_PASSWORD, deterministicAnswer, startMockSpark } from '../src/index.js';
import { holdUntilAllArrive } from './helpers/hold-until-all-arrive.js';
import { postChat, readSse, streamedContent } from './helpers/http-client.js';
import { eventually } from './helpers/raw-client.js';

const CONCURRENT = 1000;
const SEQUENTIAL = 1000;

describe('HTTP capacity', () => {
  it(`streams ${CONCURRENT} concurrent and ${SEQUENTIAL} sequential answers, every chunk once and in order`, {
    timeout: 60_000,
  }, async () => {
    const mock = await startMockSpark({ chunkChars: 16 });
    try {
      const allArrived = holdUntilAllArrive(mock, CONCURRENT);
      const ask = async (index: number) => {
        const messages = [{ role: 'user', content: `并发问题 ${index}` }];
        const response = await postChat(
          `${mock.httpURL}/v2/chat/completions`,
          { model: 'spark-x', messages, stream: true, thinking: { type: 'disabled' } },
          { authorization: `Bearer ${DEFAULT_API_PASSWORD}` },
        );
        const events = await readSse(response);
        return { events, expected: deterministicAnswer(messages) };
      };
      const concurrent = Array.from({ length: CONCURRENT }, (_unused, index) => ask(index));
      await allArrived;
      expect(mock.openHttpRequests()).toBe(CONCURRENT);
      const results = await Promise.all(concurrent);
      mock.reset();
      for (let index = 0; index < SEQUENTIAL; index += 1) results.push(await ask(CONCURRENT + index));

      for (const { events, expected } of results) {
        expect(streamedContent(events)).toBe(expected);
        expect(events.filter((event) => event.data === '[DONE]')).toHaveLength(1);
        expect(events.at(-1)?.data).toBe('[DONE]');
        expect(events.at(-2)?.json?.usage?.total_tokens).toBeGreaterThan(0);
      }
      expect(new Set(results.map(({ events }) => events[0]?.json?.sid)).size).toBe(CONCURRENT + SEQUENTIAL);
      await eventually(() => mock.openHttpRequests() === 0, 'all exchanges to end');
    } finally {
      await mock.close();
    }
  });
});
