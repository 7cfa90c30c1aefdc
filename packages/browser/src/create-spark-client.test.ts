import { SparkConfigError } from '@xinghuo/core';
import { createMemoryTransport } from '@xinghuo/core/testing';
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

  it('accepts a signUrl provider without any secret', () => {
    const client = createSparkClient({ appId: 'app', signUrl: async ({ url }) => url });
    expect(typeof client.stream).toBe('function');
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
