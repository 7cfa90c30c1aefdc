import { describe, expect, it } from 'vitest';
import { MAX_REFUSED_URL_CHARS } from '../src/records.js';
import { converse, expectRefused } from './helpers/raw-client.js';
import { requestFrame } from './helpers/request-frame.js';
import { signTestUrl } from './helpers/sign-url.js';
import { useQuietMockSpark } from './helpers/use-quiet-mock.js';

/** Runs `count` tasks, `width` at a time. */
async function inBatches(count: number, width: number, task: (index: number) => Promise<unknown>) {
  for (let start = 0; start < count; start += width) {
    await Promise.all(
      Array.from({ length: Math.min(width, count - start) }, (_, offset) => task(start + offset)),
    );
  }
}

describe('bounded records', () => {
  const spark = useQuietMockSpark({ maxRecords: 20 });
  const padding = 'x'.repeat(14_000);

  it('keeps at most maxRecords handshakes, the latest, and no more than an excerpt of a refused one', async () => {
    await inBatches(60, 20, (index) =>
      expectRefused(`${spark().modelUrl('max')}?authorization=${padding}&n=${index}&date=x&host=y`),
    );
    const { connections } = spark();
    expect(connections).toHaveLength(20);
    expect(connections.every((connection) => connection.status === 401)).toBe(true);
    expect(Math.max(...connections.map((connection) => connection.url.length))).toBeLessThanOrEqual(
      MAX_REFUSED_URL_CHARS + 1,
    );
    expect(connections.some((connection) => connection.url.includes(padding))).toBe(false);

    const unknownPath = `/${'p'.repeat(14_000)}`;
    await expectRefused(`${spark().url}${unknownPath}`);
    expect(spark().connections.at(-1)).toMatchObject({ status: 404 });
    expect(spark().connections.at(-1)?.path.length).toBeLessThanOrEqual(MAX_REFUSED_URL_CHARS + 1);
  });

  it('keeps at most maxRecords request frames, dropping the oldest', async () => {
    const url = () =>
      signTestUrl(spark().modelUrl('lite'), {
        apiKey: spark().credentials.apiKey,
        apiSecret: spark().credentials.apiSecret,
      });
    await inBatches(25, 5, (index) =>
      converse(
        url(),
        requestFrame({
          appId: spark().credentials.appId,
          domain: 'lite',
          messages: [{ role: 'user', content: `问题 ${index}` }],
        }),
      ),
    );
    expect(spark().requests).toHaveLength(20);
    expect(spark().connections).toHaveLength(20);
    const asked = spark().requests.map((record) => Number(record.request?.messages[0]?.content.slice(3)));
    // Batches run in order, so the five dropped were the first batch (questions 0–4).
    expect(asked.sort((a, b) => a - b)).toEqual(Array.from({ length: 20 }, (_, index) => index + 5));
  });
});
