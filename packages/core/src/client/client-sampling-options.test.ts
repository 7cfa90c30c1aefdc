/**
 * `topP`, `presencePenalty` and `frequencyPenalty` through the whole client: the engine must carry them
 * to the HTTP encoder (it copies only the fields it knows), and a WebSocket request with them must fail
 * before any socket is opened.
 */
import { describe, expect, it } from 'vitest';
import { SparkInvalidRequestError } from '../errors/error-classes';
import { CREDENTIALS, failure, QUESTION } from '../internal-test-support/client-fixtures';
import { useSseServer } from '../internal-test-support/per-test-sse-server';
import { contentChunk, writeEvents } from '../internal-test-support/sse-server';
import { createSparkClient } from './client';

const PASSWORD = 'httpPassword0123456789abcdefXYZW';
const USAGE = { prompt_tokens: 3, completion_tokens: 5, total_tokens: 8 };
const SAMPLING = { topP: 0.7, presencePenalty: 1.25, frequencyPenalty: -0.5 } as const;

const server = useSseServer();

describe('topP, presencePenalty and frequencyPenalty through the client', () => {
  it('sends them over HTTP as top_p, presence_penalty and frequency_penalty; refuses them over WebSocket', async () => {
    await server.start(({ response }) =>
      writeEvents(response, [contentChunk({ content: '好' }, { usage: USAGE })]),
    );
    let opened = 0;
    const client = createSparkClient({
      ...CREDENTIALS,
      apiPassword: PASSWORD,
      baseURL: server.url,
      defaultModel: 'max',
      transport: async () => {
        opened += 1;
        throw new Error('the WebSocket transport must not be used');
      },
    });

    const result = await client.chat({ ...QUESTION, protocol: 'http', ...SAMPLING });
    expect(result.text).toBe('好');
    expect(server.requests[0]?.body).toMatchObject({
      top_p: 0.7,
      presence_penalty: 1.25,
      frequency_penalty: -0.5,
    });

    for (const [field, value] of Object.entries(SAMPLING)) {
      const refused = await failure(client.chat({ ...QUESTION, protocol: 'ws', [field]: value }));
      expect(refused).toBeInstanceOf(SparkInvalidRequestError);
      expect(refused).toMatchObject({ field });
      expect(refused.message).toMatch(/HTTP option \(protocol: "http"\)/);
    }
    const outOfRange = await failure(client.chat({ ...QUESTION, protocol: 'http', topP: 0 }));
    expect(outOfRange).toMatchObject({ field: 'topP' });
    expect(outOfRange.message).toMatch(/greater than 0 and at most 1/);
    expect(server.requests).toHaveLength(1);
    expect(opened).toBe(0);
  });
});
