import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
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
      apiPassword: undefined,
      protocol: undefined,
      baseURL: 'ws://127.0.0.1:8787',
      model: undefined,
    });
  });

  it('reads SPARK_PROTOCOL and SPARK_API_PASSWORD, and refuses an unknown protocol', () => {
    expect(readSparkEnv({ SPARK_PROTOCOL: 'HTTP', SPARK_API_PASSWORD: 'pw' })).toMatchObject({
      protocol: 'http',
      apiPassword: 'pw',
    });
    expect(() => readSparkEnv({ SPARK_PROTOCOL: 'grpc' })).toThrow(/SPARK_PROTOCOL must be "ws" or "http"/);
  });
});

describe('requireCredentials', () => {
  it('names every missing option and its environment variable', () => {
    expect(() => requireCredentials({ apiKey: 'key' }, true)).toThrow(
      /appId \(SPARK_APP_ID\), apiSecret \(SPARK_API_SECRET\)/,
    );
    expect(() => requireCredentials({ appId: 'app' }, false)).not.toThrow();
  });

  it('asks HTTP for the APIPassword or the key pair, never for the APPID', () => {
    expect(() => requireCredentials({ appId: 'app' }, true, 'http')).toThrow(
      /apiPassword \(SPARK_API_PASSWORD\), or apiKey \(SPARK_API_KEY\) and apiSecret \(SPARK_API_SECRET\)/,
    );
    expect(() => requireCredentials({ apiPassword: 'pw' }, true, 'http')).not.toThrow();
    expect(() => requireCredentials({ apiKey: 'k', apiSecret: 's' }, true, 'http')).not.toThrow();
  });
});

describe('createSparkClient (node)', () => {
  it('speaks HTTP with only SPARK_API_PASSWORD set, through the global fetch', async () => {
    const server = createServer((request, response) => {
      request.resume();
      request.on('end', () => {
        response.writeHead(200, { 'content-type': 'text/event-stream' });
        const chunk = {
          code: 0,
          sid: 'cha1',
          choices: [{ delta: { content: request.headers.authorization }, index: 0, finish_reason: 'stop' }],
        };
        response.end(`data:${JSON.stringify(chunk)}\n\ndata:[DONE]\n\n`);
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const client = createSparkClient({
        env: {
          SPARK_API_PASSWORD: 'pw-0123456789',
          SPARK_BASE_URL: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
          SPARK_MODEL: 'max',
        },
      });
      const result = await client.chat({ messages: [{ role: 'user', content: 'hi' }] });
      expect(result.text).toBe('Bearer pw-0123456789');
    } finally {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });

  it('names the HTTP variables when SPARK_PROTOCOL=http has no credential', () => {
    expect(() => createSparkClient({ env: { SPARK_PROTOCOL: 'http', SPARK_APP_ID: 'app' } })).toThrow(
      /SPARK_API_PASSWORD/,
    );
  });

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
