import { describe, expect, it } from 'vitest';
import { sparkModeFromEnv } from './spark-mode';

const credentials = { SPARK_APP_ID: 'app', SPARK_API_KEY: 'key', SPARK_API_SECRET: 'secret' };

describe('sparkModeFromEnv', () => {
  it('runs on the mock without credentials', () => {
    expect(sparkModeFromEnv({})).toEqual({ mode: 'mock' });
    expect(sparkModeFromEnv({ SPARK_APP_ID: ' ' })).toEqual({ mode: 'mock' });
  });

  it('goes live with all three credentials and takes SPARK_BASE_URL', () => {
    expect(sparkModeFromEnv({ ...credentials, SPARK_BASE_URL: 'ws://127.0.0.1:9' })).toEqual({
      mode: 'live',
      appId: 'app',
      apiKey: 'key',
      apiSecret: 'secret',
      baseURL: 'ws://127.0.0.1:9',
    });
  });

  it('refuses a partial set, naming what is missing but never printing a value', () => {
    expect(() => sparkModeFromEnv({ SPARK_API_KEY: 'key-value', SPARK_APP_ID: 'app' })).toThrow(
      /missing: SPARK_API_SECRET/,
    );
    try {
      sparkModeFromEnv({ SPARK_API_SECRET: 'secret-value' });
    } catch (error) {
      expect((error as Error).message).not.toContain('secret-value');
    }
  });

  it('forces mock mode with PLAYGROUND_MOCK=1', () => {
    expect(sparkModeFromEnv({ ...credentials, PLAYGROUND_MOCK: '1' })).toEqual({ mode: 'mock' });
  });
});
