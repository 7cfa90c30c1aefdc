import { describe, expect, it } from 'vitest';
import { useMockSpark } from '../src/vitest.js';
import { answerText, converse } from './helpers/raw-client.js';
import { requestFrame } from './helpers/request-frame.js';
import { signTestUrl } from './helpers/sign-url.js';

describe('useMockSpark', () => {
  const spark = useMockSpark({ appId: 'vitest1' });
  const ask = () => {
    const mock = spark();
    return converse(
      signTestUrl(mock.modelUrl('ultra'), {
        apiKey: mock.credentials.apiKey,
        apiSecret: mock.credentials.apiSecret,
      }),
      requestFrame({ appId: 'vitest1', domain: '4.0Ultra' }),
    );
  };

  it('starts the server before the tests and applies options', async () => {
    spark().enqueue({ text: 'scripted once' });
    expect(answerText((await ask()).frames)).toBe('scripted once');
    expect(spark().requests).toHaveLength(1);
  });

  it('resets the queue and the records after each test', async () => {
    expect(spark().requests).toHaveLength(0);
    expect(answerText((await ask()).frames)).not.toBe('scripted once');
  });
});

describe('useMockSpark accessor', () => {
  const spark = useMockSpark();
  let outsideTests: unknown;
  try {
    spark();
  } catch (error) {
    outsideTests = error;
  }

  it('throws a clear error before the server has started', () => {
    expect(String(outsideTests)).toContain('only available inside tests');
  });

  it('returns the running server inside a test', () => {
    expect(spark().url).toMatch(/^ws:\/\/127\.0\.0\.1:\d+$/);
  });
});
