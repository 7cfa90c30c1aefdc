import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { SIGNING_VECTORS as vectors } from '../../../../test-support/signing-vectors';
import { SparkConfigError } from '../errors/error-classes';
import { encodeBase64 } from './base64';
import { type HmacSha256, signUrl } from './sign-url';

const credentials = {
  apiKey: 'addd2272b6d8b7c8abdd79531420ca3b',
  apiSecret: 'MjlmNzkzNmZkMDQ2OTc0ZDdmNGE2ZTZi',
};
const date = new Date('Fri, 05 May 2023 10:43:39 GMT');

function decodeAuthorization(signed: string): string {
  const authorization = new URL(signed).searchParams.get('authorization');
  return new TextDecoder().decode(
    Uint8Array.from(atob(authorization ?? ''), (character) => character.charCodeAt(0)),
  );
}

describe('signUrl', () => {
  it('loads every vector of the shared file', () => {
    expect(vectors.length).toBeGreaterThanOrEqual(9);
    expect(vectors.some((vector) => vector.method === 'POST')).toBe(true);
    expect(vectors.some((vector) => new URL(vector.url).port !== '')).toBe(true);
  });

  // Every vector runs against the default WebCrypto HMAC and against injected ones (synchronous
  // node:crypto, as @xinghuo/node passes, and an asynchronous one): the output must not change.
  const implementations: [string, HmacSha256 | undefined][] = [
    ['WebCrypto (default)', undefined],
    [
      'node:crypto (injected, synchronous)',
      (key, message) => createHmac('sha256', key).update(message).digest(),
    ],
    [
      'injected, asynchronous',
      async (key, message) => new Uint8Array(createHmac('sha256', key).update(message).digest()),
    ],
  ];
  describe.each(
    implementations.flatMap(([name, hmac]) =>
      vectors.map((vector) => [`${vector.method} ${vector.url} with ${name}`, vector, hmac] as const),
    ),
  )('vector %s', (_, vector, hmac) => {
    it('produces the same query parameters, signature and authorization', async () => {
      const signed = await signUrl(
        vector.url,
        { apiKey: vector.apiKey, apiSecret: vector.apiSecret },
        { date: new Date(vector.date), method: vector.method, hmac },
      );
      const actual = new URL(signed);
      const expected = new URL(vector.signedUrl);
      expect(`${actual.protocol}//${actual.host}${actual.pathname}`).toBe(
        `${expected.protocol}//${expected.host}${expected.pathname}`,
      );
      expect(Object.fromEntries(actual.searchParams)).toEqual(Object.fromEntries(expected.searchParams));
      expect(actual.searchParams.get('authorization')).toBe(vector.authorization);
      expect(actual.searchParams.get('date')).toBe(vector.date);
      const authorizationOrigin = decodeAuthorization(signed);
      expect(authorizationOrigin).toBe(vector.authorizationOrigin);
      expect(authorizationOrigin).toContain(`signature="${vector.signature}"`);
    });

    it('uses form encoding (space as +), byte for byte like the vector', async () => {
      const signed = await signUrl(
        vector.url,
        { apiKey: vector.apiKey, apiSecret: vector.apiSecret },
        { date: new Date(vector.date), method: vector.method, hmac },
      );
      expect(signed).toBe(vector.signedUrl);
    });
  });

  it.each([
    ['a short MAC', () => new Uint8Array(16)],
    ['a string', () => 'not bytes' as unknown as Uint8Array],
    ['a failed promise', async () => Promise.reject(new SparkConfigError('no HMAC here'))],
  ])('rejects an injected hmac that returns %s with a SparkConfigError', async (_, hmac) => {
    const error = await signUrl('wss://spark-api.xf-yun.com/v3.5/chat', credentials, { date, hmac }).catch(
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(SparkConfigError);
    expect((error as Error).message).not.toContain(credentials.apiSecret);
  });

  it('rejects an hmac that is not a function', async () => {
    await expect(
      signUrl('wss://spark-api.xf-yun.com/v3.5/chat', credentials, { date, hmac: 42 as never }),
    ).rejects.toThrow(/hmac/);
  });

  it('signs the host with its non-default port and the exact path being dialled', async () => {
    const signed = new URL(await signUrl('ws://127.0.0.1:9999/chat/pro-128k', credentials, { date }));
    expect(signed.searchParams.get('host')).toBe('127.0.0.1:9999');
    expect(signed.host).toBe('127.0.0.1:9999');
    expect(signed.pathname).toBe('/chat/pro-128k');
  });

  it('omits a default port from the signed host, as the Host header does', async () => {
    const signed = new URL(await signUrl('wss://spark-api.xf-yun.com:443/v3.5/chat', credentials, { date }));
    expect(signed.searchParams.get('host')).toBe('spark-api.xf-yun.com');
  });

  it('gives different signatures for different paths and dates', async () => {
    const first = await signUrl('wss://spark-api.xf-yun.com/v3.5/chat', credentials, { date });
    const otherPath = await signUrl('wss://spark-api.xf-yun.com/v3.1/chat', credentials, { date });
    const otherDate = await signUrl('wss://spark-api.xf-yun.com/v3.5/chat', credentials, {
      date: new Date(date.getTime() + 1000),
    });
    expect(decodeAuthorization(first)).not.toBe(decodeAuthorization(otherPath));
    expect(decodeAuthorization(first)).not.toBe(decodeAuthorization(otherDate));
  });

  it('keeps unrelated query parameters and replaces stale signing parameters', async () => {
    const signed = new URL(
      await signUrl('wss://spark-api.xf-yun.com/v3.5/chat?tenant=a&authorization=old&date=old', credentials, {
        date,
      }),
    );
    expect(signed.searchParams.get('tenant')).toBe('a');
    expect(signed.searchParams.getAll('authorization')).toHaveLength(1);
    expect(signed.searchParams.get('date')).toBe('Fri, 05 May 2023 10:43:39 GMT');
  });

  it('defaults the date to now, in RFC 1123 GMT form', async () => {
    const before = Date.now();
    const signed = new URL(await signUrl('wss://spark-api.xf-yun.com/v3.5/chat', credentials));
    const signedDate = signed.searchParams.get('date') ?? '';
    expect(signedDate).toMatch(/^[A-Z][a-z]{2}, \d{2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}:\d{2} GMT$/);
    expect(Math.abs(Date.parse(signedDate) - before)).toBeLessThan(60_000);
  });

  it('reuses the imported key and still signs correctly with many secrets', async () => {
    for (let index = 0; index < 40; index++) {
      const secret = `secret-${index}`.padEnd(32, 'x');
      const signed = await signUrl(
        'wss://spark-api.xf-yun.com/v3.5/chat',
        { ...credentials, apiSecret: secret },
        { date },
      );
      expect(decodeAuthorization(signed)).toMatch(/signature="[A-Za-z0-9+/]{43}="/);
    }
    const official = vectors[0]!;
    const again = await signUrl(
      official.url,
      { apiKey: official.apiKey, apiSecret: official.apiSecret },
      { date: new Date(official.date) },
    );
    expect(again).toBe(official.signedUrl);
  });

  it.each([
    [
      'the literal ws(s):// from the docs',
      'ws(s)://spark-api.xf-yun.com/v3.5/chat',
      /not the literal "ws\(s\):\/\/"/,
    ],
    ['an http URL for GET', 'http://spark-api.xf-yun.com/v3.5/chat', /ws:\/\/ or wss:\/\//],
    ['an https URL for GET', 'https://spark-api.xf-yun.com/v3.5/chat', /non-GET method/],
    ['an unparsable URL', 'not a url', /not valid/],
    ['an empty URL', '', /not valid/],
    ['a URL without a host', 'wss://', /not valid/],
    ['a URL with an empty host', 'ws:///v3.5/chat', /not valid/],
  ])('rejects %s with a SparkConfigError that shows a valid URL', async (_, url, pattern) => {
    const error = await signUrl(url, credentials, { date }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(SparkConfigError);
    expect((error as Error).message).toMatch(pattern);
    expect((error as Error).message).toContain('wss://spark-api.xf-yun.com/v3.5/chat');
  });

  it('rejects a ws URL for a non-GET method', async () => {
    await expect(
      signUrl('wss://api.xf-yun.com/v1/private/x', credentials, { date, method: 'POST' }),
    ).rejects.toThrow(/http:\/\/ or https:\/\//);
  });

  it.each([
    ['apiKey', { apiKey: '', apiSecret: credentials.apiSecret }],
    ['apiKey', { apiKey: '   ', apiSecret: credentials.apiSecret }],
    ['apiSecret', { apiKey: credentials.apiKey, apiSecret: '' }],
    ['apiSecret', { apiKey: credentials.apiKey, apiSecret: undefined as unknown as string }],
  ])('names the missing %s without printing the other credential', async (name, given) => {
    const error = await signUrl('wss://spark-api.xf-yun.com/v3.5/chat', given, { date }).catch(
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(SparkConfigError);
    expect((error as Error).message).toContain(`Missing ${name}`);
    expect((error as Error).message).not.toContain(credentials.apiKey);
    expect((error as Error).message).not.toContain(credentials.apiSecret);
  });

  it('rejects an invalid date', async () => {
    await expect(
      signUrl('wss://spark-api.xf-yun.com/v3.5/chat', credentials, { date: new Date('nope') }),
    ).rejects.toThrow(SparkConfigError);
  });
});

describe('encodeBase64', () => {
  it('matches the platform base64 for every length up to 64 bytes', () => {
    for (let length = 0; length <= 64; length++) {
      const bytes = Uint8Array.from({ length }, (_, index) => (index * 97 + length * 31) & 255);
      expect(encodeBase64(bytes)).toBe(btoa(String.fromCharCode(...bytes)));
    }
  });
});
