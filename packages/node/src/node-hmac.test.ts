import { signUrl } from '@xinghuo/core';
import { describe, expect, it } from 'vitest';
import { SIGNING_VECTORS as vectors } from '../../../test-support/signing-vectors';
import { createSparkClient } from './create-client';
import { nodeHmacSha256 } from './node-hmac';
import { createSigningHandler } from './signing/index';

describe('nodeHmacSha256', () => {
  it.each(vectors.map((vector) => [`${vector.method} ${vector.url}`, vector] as const))(
    'signs vector %s byte for byte like the spec and like WebCrypto',
    async (_, vector) => {
      const credentials = { apiKey: vector.apiKey, apiSecret: vector.apiSecret };
      const options = { date: new Date(vector.date), method: vector.method };
      const withNode = await signUrl(vector.url, credentials, { ...options, hmac: nodeHmacSha256 });
      expect(withNode).toBe(vector.signedUrl);
      expect(withNode).toBe(await signUrl(vector.url, credentials, options));
    },
  );

  it('createSparkClient signs with credentials by default, and a caller-given hmac is used instead', async () => {
    const seen: string[] = [];
    const transport = async (url: string) => {
      seen.push(url);
      throw new Error('no network in this test');
    };
    const base = { appId: 'app', apiKey: 'key', apiSecret: 'secret', env: {}, maxRetries: 0, transport };
    const custom: string[] = [];
    const clients = [
      createSparkClient(base),
      createSparkClient({
        ...base,
        hmac: (key, message) => {
          custom.push(message);
          return nodeHmacSha256(key, message);
        },
      }),
    ];
    for (const client of clients) {
      await expect(
        client.chat({ model: 'lite', messages: [{ role: 'user', content: 'hi' }] }),
      ).rejects.toThrow();
    }
    expect(custom).toHaveLength(1);
    expect(seen).toHaveLength(2);
    for (const url of seen) expect(new URL(url).searchParams.get('authorization')).toBeTruthy();
  });

  it('is accepted by the edge-safe signing handler, which signs like WebCrypto', async () => {
    const options = {
      appId: 'app',
      apiKey: 'addd2272b6d8b7c8abdd79531420ca3b',
      apiSecret: 'MjlmNzkzNmZkMDQ2OTc0ZDdmNGE2ZTZi',
      public: true,
      rateLimit: false as const,
      now: () => new Date('Fri, 05 May 2023 10:43:39 GMT'),
    };
    const request = () => new Request('http://localhost/sign?model=lite');
    const withNode = await createSigningHandler({ ...options, hmac: nodeHmacSha256 })(request());
    const withWebCrypto = await createSigningHandler(options)(request());
    expect(withNode.status).toBe(200);
    expect(await withNode.json()).toEqual(await withWebCrypto.json());
    expect(() => createSigningHandler({ ...options, hmac: 'sha256' as never })).toThrow(/hmac/);
  });
});
