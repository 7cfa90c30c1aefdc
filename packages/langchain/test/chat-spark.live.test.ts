/**
 * Against the real Spark API. Runs only through `npm run test:live` and only with SPARK_APP_ID,
 * SPARK_API_KEY and SPARK_API_SECRET set (SPARK_MODEL picks the model, default `lite`).
 */
import { createSparkClient } from '@xinghuo/node';
import { describe, expect, it } from 'vitest';
import { ChatSpark } from '../src/index';
import { usageOf } from './helpers/memory-model';

const hasCredentials = Boolean(
  process.env.SPARK_APP_ID && process.env.SPARK_API_KEY && process.env.SPARK_API_SECRET,
);

describe.runIf(hasCredentials)('ChatSpark against the real Spark API', () => {
  const model = () =>
    new ChatSpark({ client: createSparkClient(), model: process.env.SPARK_MODEL ?? 'lite' });

  it('answers with text and usage', async () => {
    const message = await model().invoke('用一句话介绍合肥。');
    expect(String(message.content).length).toBeGreaterThan(0);
    expect(usageOf(message)?.total_tokens).toBeGreaterThan(0);
    expect(message.response_metadata.sid).toBeTruthy();
  });

  it('streams more than one chunk', async () => {
    const chunks: string[] = [];
    for await (const chunk of await model().stream('写一首四行的短诗。')) chunks.push(String(chunk.content));
    expect(chunks.filter(Boolean).length).toBeGreaterThan(1);
  });
});
