import { createHmac } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SIGNING_VECTORS as vectors } from '../../../../test-support/signing-vectors';
import { GATEWAY_MESSAGES } from './gateway-responses.js';
import { nodeHmacSha256Base64 } from './hmac-node.js';
import { portableHmacSha256Base64 } from './hmac-portable.js';
import { MAX_AUTHORIZATION_CHARS, verifySignedRequest } from './verify-signature.js';

const implementations = [
  ['node:crypto', nodeHmacSha256Base64],
  ['portable JavaScript', portableHmacSha256Base64],
] as const;

/** Signs like the official demo, written separately from the verifier. */
function sign(apiKey: string, apiSecret: string, host: string, path: string, date: string): URLSearchParams {
  const signature = createHmac('sha256', apiSecret)
    .update(`host: ${host}\ndate: ${date}\nGET ${path} HTTP/1.1`)
    .digest('base64');
  const origin = `api_key="${apiKey}", algorithm="hmac-sha256", headers="host date request-line", signature="${signature}"`;
  return new URLSearchParams({ authorization: Buffer.from(origin).toString('base64'), date, host });
}

describe.each(implementations)('verifySignedRequest with %s', (_name, hmac) => {
  it.each(vectors.map((vector) => [`${vector.method} ${vector.url}`, vector] as const))(
    'accepts the vector %s',
    async (_label, vector) => {
      const signed = new URL(vector.signedUrl);
      const request = {
        query: signed.searchParams,
        host: signed.host,
        path: signed.pathname,
        method: vector.method,
      };
      const options = {
        credentials: { apiKey: vector.apiKey, apiSecret: vector.apiSecret },
        now: new Date(vector.date),
        hmac,
      };
      expect(await verifySignedRequest(request, options)).toBeUndefined();
      expect(await verifySignedRequest({ ...request, path: `${request.path}x` }, options)).toEqual({
        status: 401,
        body: { message: GATEWAY_MESSAGES.doesNotMatch },
      });
    },
  );

  it('accepts what an independent signer produces and refuses any other secret', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.stringMatching(/^[a-zA-Z0-9]{32}$/),
        fc.string({ minLength: 1, maxLength: 40 }),
        fc.constantFrom('/v1.1/chat', '/chat/pro-128k', '/v1/x1'),
        fc.constantFrom('spark-api.xf-yun.com', '127.0.0.1:8787', '[::1]:9000'),
        fc.integer({ min: -299, max: 299 }),
        async (apiKey, apiSecret, path, host, skewSeconds) => {
          const now = new Date(Date.UTC(2026, 0, 1, 12));
          const date = new Date(now.getTime() + skewSeconds * 1000).toUTCString();
          const query = sign(apiKey, apiSecret, host, path, date);
          const credentials = { apiKey, apiSecret };
          expect(
            await verifySignedRequest({ query, host, path }, { credentials, now, hmac }),
          ).toBeUndefined();
          const wrong = { apiKey, apiSecret: `${apiSecret}!` };
          expect(
            (await verifySignedRequest({ query, host, path }, { credentials: wrong, now, hmac }))?.status,
          ).toBe(401);
        },
      ),
      { numRuns: 50 },
    );
  });
});

describe('verifySignedRequest checks in the gateway order', () => {
  const credentials = { apiKey: 'k'.repeat(32), apiSecret: 's'.repeat(32) };
  const now = new Date('2026-01-01T00:00:00Z');
  const verify = (query: URLSearchParams) =>
    verifySignedRequest(
      { query, host: 'h', path: '/v3.5/chat' },
      { credentials, now, hmac: nodeHmacSha256Base64 },
    );

  it('reports a skewed date (403) before an unknown key', async () => {
    const query = sign(
      'x'.repeat(32),
      credentials.apiSecret,
      'h',
      '/v3.5/chat',
      'Thu, 31 Dec 2025 23:54:00 GMT',
    );
    expect((await verify(query))?.status).toBe(403);
  });

  it('refuses an authorization that does not name the host header', async () => {
    const origin = `api_key="${credentials.apiKey}", algorithm="hmac-sha256", headers="date request-line", signature="x"`;
    const query = new URLSearchParams({ authorization: btoa(origin), date: now.toUTCString() });
    expect(await verify(query)).toEqual({ status: 401, body: { message: GATEWAY_MESSAGES.hostNotSigned } });
  });

  it('refuses another algorithm as unverifiable', async () => {
    const origin = `api_key="${credentials.apiKey}", algorithm="hmac-sha1", headers="host date request-line", signature="x"`;
    const query = new URLSearchParams({ authorization: btoa(origin), date: now.toUTCString() });
    expect(await verify(query)).toEqual({ status: 401, body: { message: GATEWAY_MESSAGES.cannotVerify } });
  });
});

describe('verifySignedRequest on oversized input', () => {
  it('refuses an authorization longer than MAX_AUTHORIZATION_CHARS as unverifiable, before decoding it', async () => {
    const date = new Date().toUTCString();
    const valid = sign('key', 'secret', 'h', '/v1.1/chat', date);
    // Valid base64 of a valid origin, padded with spaces the gateway would tolerate, but too long.
    const padded = Buffer.from(
      `api_key="key", algorithm="hmac-sha256",${' '.repeat(MAX_AUTHORIZATION_CHARS)} headers="host date request-line", signature="x"`,
    ).toString('base64');
    valid.set('authorization', padded);
    const refusal = await verifySignedRequest(
      { query: valid, host: 'h', path: '/v1.1/chat' },
      {
        credentials: { apiKey: 'key', apiSecret: 'secret' },
        now: new Date(date),
        hmac: nodeHmacSha256Base64,
      },
    );
    expect(refusal).toEqual({ status: 401, body: { message: GATEWAY_MESSAGES.cannotVerify } });
  });
});
