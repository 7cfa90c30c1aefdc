import { describe, expect, it } from 'vitest';
import { DEFAULT_API_PASSWORD, type MockScenario } from '../src/index.js';
import { postChat, readEvents } from './helpers/http-client.js';
import { useQuietMockSpark } from './helpers/use-quiet-mock.js';

const ROUTES = [
  { path: '/v1/chat/completions', model: 'max-32k', prefix: 'data:' },
  { path: '/v2/chat/completions', model: 'spark-x', prefix: 'data: ' },
  { path: '/x2/chat/completions', model: 'spark-x', prefix: 'data: ' },
] as const;

const FAULTS: { name: string; scenario: MockScenario; check: (last: string | undefined) => void }[] = [
  {
    name: 'mid-stream business error',
    scenario: { error: { code: 10222, afterFrames: 3 } },
    check: (last) => expect(JSON.parse(last ?? '{}')).toMatchObject({ code: 10222 }),
  },
  {
    name: 'malformed chunk',
    scenario: { malformed: { afterFrames: 3 } },
    check: (last) => expect(() => JSON.parse(last ?? '')).toThrow(),
  },
  { name: 'drop', scenario: { drop: { afterFrames: 3 } }, check: () => undefined },
];

describe('HTTP fault matrix: every route × every mid-stream fault', () => {
  const spark = useQuietMockSpark({ chunkChars: 3 });

  for (const route of ROUTES) {
    for (const fault of FAULTS) {
      it(`${route.path} ${route.model}: ${fault.name} after 3 chunks, no [DONE], ${route.prefix} spelling`, async () => {
        spark().enqueue(fault.scenario);
        const response = await postChat(
          `${spark().httpURL}${route.path}`,
          {
            model: route.model,
            messages: [{ role: 'user', content: '一个足够长的问题，让回答有很多块' }],
            stream: true,
          },
          { authorization: `Bearer ${DEFAULT_API_PASSWORD}` },
        );
        const { events, error } = await readEvents(response);
        expect(events.every((event) => event.prefix === route.prefix)).toBe(true);
        expect(events.some((event) => event.data === '[DONE]')).toBe(false);
        const answerChunks = events.filter((event) => event.json?.code === 0);
        expect(answerChunks).toHaveLength(3);
        expect(answerChunks.every((event) => event.json?.usage === undefined)).toBe(true);
        if (fault.name === 'drop') {
          expect(error).toBeInstanceOf(Error);
          expect(events).toHaveLength(3);
        } else {
          expect(error).toBeUndefined();
          expect(events).toHaveLength(4);
          fault.check(events.at(-1)?.data);
        }
      });
    }
  }
});
