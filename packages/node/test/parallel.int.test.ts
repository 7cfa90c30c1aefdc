import type { MockSpark } from '@xinghuo/mock-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mockClient, startMock } from './helpers';
import { eventually } from './loopback-servers';

const STREAMS = 200;
const CHUNK_CHARS = 7;

let mock: MockSpark;
beforeAll(async () => {
  mock = await startMock();
});
afterAll(async () => {
  await mock.close();
});

function expectedAnswer(index: number): string {
  return `answer ${index}: ${'0123456789'.repeat(3 + (index % 5))}.`;
}

function chunks(text: string): string[] {
  const pieces: string[] = [];
  for (let start = 0; start < text.length; start += CHUNK_CHARS)
    pieces.push(text.slice(start, start + CHUNK_CHARS));
  return pieces;
}

describe('parallel streams', () => {
  it(`delivers every chunk of ${STREAMS} concurrent streams exactly once and in order`, async () => {
    mock.use(({ request }) => {
      const question = request.messages.at(-1)?.content ?? '';
      const index = Number(/#(\d+)/.exec(question)?.[1]);
      return { text: expectedAnswer(index), chunkChars: CHUNK_CHARS };
    });
    const client = mockClient(mock, { maxRetries: 0 });
    const runs = Array.from({ length: STREAMS }, async (_, index) => {
      const deltas: string[] = [];
      const stream = client.stream({ messages: [{ role: 'user', content: `question #${index}` }] });
      for await (const event of stream) {
        if (event.type === 'text-delta' && event.text !== '') deltas.push(event.text);
      }
      return { index, deltas, result: await stream.finalResult() };
    });
    const outcomes = await Promise.all(runs);
    for (const { index, deltas, result } of outcomes) {
      expect(deltas).toEqual(chunks(expectedAnswer(index)));
      expect(result.text).toBe(expectedAnswer(index));
    }
    expect(new Set(outcomes.map((outcome) => outcome.result.sid)).size).toBe(STREAMS);
    expect(mock.requests).toHaveLength(STREAMS);
    expect(await eventually(() => mock.openSockets() === 0)).toBe(true);
  });
});
