import { SparkConfigError } from '@xinghuo/core';
import { answerFrames, createMemoryTransport, respondWith } from '@xinghuo/core/testing';
import { describe, expect, it } from 'vitest';
import { createSparkClient } from './create-spark-client';

const SECRET = 'MjlmNzkzNmZkMDQ2OTc0ZDdmNGE2ZTZi';
const KEY = 'addd2272b6d8b7c8abdd79531420ca3b';

describe('createSparkClient (browser)', () => {
  it('refuses apiSecret and explains the signed-URL pattern without echoing the secret', () => {
    let caught: unknown;
    try {
      createSparkClient({ appId: 'app', apiKey: KEY, apiSecret: SECRET });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(SparkConfigError);
    const message = (caught as Error).message;
    expect(message).toContain('signUrl');
    expect(message).toContain('createSigningHandler');
    expect(message).toContain('createSignedUrlFetcher');
    expect(message).toContain('dangerouslyAllowBrowser');
    expect(message).toContain('300 s');
    expect(message).not.toContain(SECRET);
    expect(String(caught)).not.toContain(SECRET);
  });

  it('accepts apiSecret with dangerouslyAllowBrowser: true', () => {
    const client = createSparkClient({
      appId: 'app',
      apiKey: KEY,
      apiSecret: SECRET,
      dangerouslyAllowBrowser: true,
      transport: createMemoryTransport(() => {}),
    });
    expect(typeof client.chat).toBe('function');
  });

  it('signs with an injected hmac when one is given with the credentials', async () => {
    const signed: string[] = [];
    const hmac = async (key: string, message: string) => {
      signed.push(message);
      const digest = await crypto.subtle.sign(
        'HMAC',
        await crypto.subtle.importKey(
          'raw',
          new TextEncoder().encode(key),
          { name: 'HMAC', hash: 'SHA-256' },
          false,
          ['sign'],
        ),
        new TextEncoder().encode(message),
      );
      return new Uint8Array(digest);
    };
    const transport = createMemoryTransport(respondWith(answerFrames('你好')));
    const client = createSparkClient({
      appId: 'app',
      apiKey: KEY,
      apiSecret: SECRET,
      hmac,
      dangerouslyAllowBrowser: true,
      transport,
    });
    const result = await client.chat({ model: 'lite', messages: [{ role: 'user', content: 'hi' }] });
    expect(result.text).toBe('你好');
    expect(signed).toHaveLength(1);
    expect(signed[0]).toMatch(/^host: spark-api\.xf-yun\.com\ndate: .+\nGET \/v1\.1\/chat HTTP\/1\.1$/);
  });

  it('refuses an hmac without credentials to use it with', () => {
    expect(() =>
      createSparkClient({ appId: 'app', signUrl: async ({ url }) => url, hmac: () => new Uint8Array(32) }),
    ).toThrow(SparkConfigError);
  });

  it('accepts a signUrl provider without any secret', () => {
    const client = createSparkClient({ appId: 'app', signUrl: async ({ url }) => url });
    expect(typeof client.stream).toBe('function');
  });

  it('refuses the long-lived HTTP APIPassword unless dangerouslyAllowBrowser', () => {
    const password = 'httpPassword0123456789abcdefXYZW';
    expect(() => createSparkClient({ protocol: 'http', apiPassword: password })).toThrow(/apiPassword/);
    expect(() =>
      createSparkClient({ protocol: 'http', apiPassword: password, dangerouslyAllowBrowser: true }),
    ).not.toThrow();
  });

  it('still checks the core options', () => {
    expect(() => createSparkClient({ appId: '', signUrl: async ({ url }) => url })).toThrow(SparkConfigError);
    expect(() => createSparkClient({ appId: 'app' })).toThrow(SparkConfigError);
  });

  it('fails the request with SparkConfigError when the runtime has no WebSocket and none is given', async () => {
    // This test project runs on Node 20 without a global WebSocket.
    const client = createSparkClient({ appId: 'app', signUrl: async ({ url }) => url, maxRetries: 0 });
    await expect(client.chat({ model: 'lite', messages: [{ role: 'user', content: 'hi' }] })).rejects.toThrow(
      /no global WebSocket/,
    );
  });
});
