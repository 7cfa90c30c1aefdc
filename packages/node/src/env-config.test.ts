import { SparkConfigError } from '@xinghuo/core';
import { describe, expect, it } from 'vitest';
import { createSparkClient } from './create-client';
import { readSparkEnv, requireCredentials } from './env-config';

describe('readSparkEnv', () => {
  it('reads the five SPARK_* variables and treats blank values as unset', () => {
    expect(
      readSparkEnv({
        SPARK_APP_ID: ' app ',
        SPARK_API_KEY: 'key',
        SPARK_API_SECRET: '',
        SPARK_BASE_URL: 'ws://127.0.0.1:8787',
        SPARK_MODEL: '   ',
        OTHER: 'x',
      }),
    ).toEqual({
      appId: 'app',
      apiKey: 'key',
      apiSecret: undefined,
      baseURL: 'ws://127.0.0.1:8787',
      model: undefined,
    });
  });
});

describe('requireCredentials', () => {
  it('names every missing option and its environment variable', () => {
    expect(() => requireCredentials({ apiKey: 'key' }, true)).toThrow(
      /appId \(SPARK_APP_ID\), apiSecret \(SPARK_API_SECRET\)/,
    );
    expect(() => requireCredentials({ appId: 'app' }, false)).not.toThrow();
  });
});

describe('createSparkClient (node)', () => {
  it('throws SparkConfigError naming the variables when nothing is configured', () => {
    let caught: unknown;
    try {
      createSparkClient({ env: {} });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(SparkConfigError);
    expect((caught as Error).message).toContain('SPARK_APP_ID');
    expect((caught as Error).message).toContain('SPARK_API_KEY');
    expect((caught as Error).message).toContain('SPARK_API_SECRET');
  });

  it('prefers options over the environment and never puts a secret in its errors', () => {
    const secret = 'super-secret-value-0123456789abc';
    expect(() =>
      createSparkClient({
        env: { SPARK_APP_ID: 'app', SPARK_API_KEY: 'key', SPARK_API_SECRET: secret },
        apiKey: '',
      }),
    ).toThrow(SparkConfigError);
    try {
      createSparkClient({ env: { SPARK_API_SECRET: secret } });
    } catch (error) {
      expect(String(error)).not.toContain(secret);
    }
  });

  it('needs no key or secret with a signUrl provider', () => {
    const client = createSparkClient({
      env: { SPARK_APP_ID: 'app' },
      signUrl: async () => 'ws://127.0.0.1:1/v1.1/chat',
    });
    expect(typeof client.stream).toBe('function');
  });

  it('rejects an invalid SPARK_BASE_URL at creation', () => {
    expect(() =>
      createSparkClient({
        env: {
          SPARK_APP_ID: 'app',
          SPARK_API_KEY: 'key',
          SPARK_API_SECRET: 'secret',
          SPARK_BASE_URL: 'ftp://x',
        },
      }),
    ).toThrow(SparkConfigError);
  });
});
