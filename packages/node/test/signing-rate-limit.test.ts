import { SparkConfigError } from '@xinghuo/core';
import { describe, expect, it } from 'vitest';
import { createSigningHandler } from '../src/signing/index';
import { bearerGood, CREDENTIALS, errorOf, get, handler, repeated, statusesOf } from './signing-requests';

const GOOD = { authorization: 'Bearer good' };

describe('signing handler: refusals and signatures are limited separately', () => {
  it('keeps an authorized caller’s budget when refused requests from the same address exhaust theirs', async () => {
    const guarded = handler({
      public: false,
      authorize: bearerGood,
      rateLimit: { capacity: 10, refillPerSecond: 1 },
    });
    const sameNat = { remoteAddress: '203.0.113.7' };
    const anonymous = await statusesOf(12, () => guarded(get('?model=lite'), sameNat));
    expect(anonymous).toEqual(repeated([401, 10], [429, 2]));

    const authorized = await guarded(get('?model=lite', GOOD), sameNat);
    expect(authorized.status).toBe(200);
    // The flood still throttles further unauthenticated attempts.
    const next = await guarded(get('?model=lite', { authorization: 'Bearer guess' }), sameNat);
    expect(next.status).toBe(429);
    expect((await errorOf(next)).code).toBe('rate_limited');
    expect(Number(next.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
  });

  it('does not spend refusals from the budget of signatures: a refused caller gets 401, not 429, after a burst', async () => {
    const guarded = handler({
      public: false,
      authorize: bearerGood,
      rateLimit: { capacity: 3, refillPerSecond: 1 },
    });
    const peer = { remoteAddress: '198.51.100.20' };
    expect(await statusesOf(4, () => guarded(get('?model=lite', GOOD), peer))).toEqual([200, 200, 200, 429]);
    expect((await guarded(get('?model=lite'), peer)).status).toBe(401);
  });

  it('counts a failing authorization check as a refusal', async () => {
    let calls = 0;
    const throwing = handler({
      public: false,
      authorize: () => {
        calls += 1;
        throw new Error('session store down');
      },
      rateLimit: { capacity: 2, refillPerSecond: 1 },
    });
    expect(await statusesOf(3, () => throwing(get('?model=lite')))).toEqual([500, 500, 429]);
    expect(calls).toBe(3);
  });
});

describe('signing handler: the rate-limit key comes only from a source the app trusts', () => {
  const limit = { capacity: 5, refillPerSecond: 1 };
  const rotating = (index: number) => ({
    'x-forwarded-for': `192.0.2.${index}`,
    'x-real-ip': `192.0.2.${index}`,
    'cf-connecting-ip': `192.0.2.${index}`,
  });

  it('trusts no client-IP header by default: rotating them buys nothing on a Web-standard handler', async () => {
    const limited = handler({ rateLimit: limit });
    // No peer address and no trusted header: every caller shares one bucket.
    const statuses = await statusesOf(20, (index) => limited(get('?model=lite', rotating(index))));
    expect(statuses).toEqual(repeated([200, 5], [429, 15]));
  });

  it('keys by the peer address when the adapter knows it, whatever the headers say', async () => {
    const limited = handler({ rateLimit: limit });
    const peer = { remoteAddress: '203.0.113.7' };
    const statuses = await statusesOf(8, (index) => limited(get('?model=lite', rotating(index)), peer));
    expect(statuses).toEqual(repeated([200, 5], [429, 3]));
    expect((await limited(get('?model=lite'), { remoteAddress: '203.0.113.8' })).status).toBe(200);
  });

  it('counts a whole IPv6 /64 as one client, so rotating through it buys nothing', async () => {
    const limited = handler({ rateLimit: limit });
    const statuses = await statusesOf(8, (index) =>
      limited(get('?model=lite'), { remoteAddress: `2001:db8:1:2::${index.toString(16)}` }),
    );
    expect(statuses).toEqual(repeated([200, 5], [429, 3]));
    expect((await limited(get('?model=lite'), { remoteAddress: '2001:db8:1:3::1' })).status).toBe(200);
  });

  it('reads only the header the app names: a forged cf-connecting-ip does not win over x-real-ip', async () => {
    const limited = handler({ rateLimit: limit, trustProxyHeaders: 'x-real-ip' });
    const forged = (index: number) =>
      get('?model=lite', { 'x-real-ip': '203.0.113.7', 'cf-connecting-ip': `192.0.2.${index}` });
    expect(await statusesOf(8, (index) => limited(forged(index)))).toEqual(repeated([200, 5], [429, 3]));
    expect((await limited(get('?model=lite', { 'x-real-ip': '203.0.113.8' }))).status).toBe(200);
  });

  it('takes the right-most X-Forwarded-For entry, the one the trusted proxy appended', async () => {
    const limited = handler({ rateLimit: limit, trustProxyHeaders: 'x-forwarded-for' });
    const spoofed = (index: number) =>
      get('?model=lite', { 'x-forwarded-for': `192.0.2.${index}, 203.0.113.7` });
    expect(await statusesOf(8, (index) => limited(spoofed(index)))).toEqual(repeated([200, 5], [429, 3]));
    expect((await limited(get('?model=lite', { 'x-forwarded-for': '203.0.113.8' }))).status).toBe(200);
  });

  it('prefers the trusted header over the peer address (the peer is the proxy), in the order given', async () => {
    const limited = handler({
      rateLimit: { capacity: 1, refillPerSecond: 1 },
      trustProxyHeaders: ['cf-connecting-ip', 'x-real-ip'],
    });
    const proxy = { remoteAddress: '10.0.0.1' };
    const from = (headers: Record<string, string>) => limited(get('?model=lite', headers), proxy);
    expect((await from({ 'cf-connecting-ip': '203.0.113.1', 'x-real-ip': '203.0.113.9' })).status).toBe(200);
    expect((await from({ 'cf-connecting-ip': '203.0.113.1', 'x-real-ip': '203.0.113.8' })).status).toBe(429);
    expect((await from({ 'x-real-ip': '203.0.113.9' })).status).toBe(200);
    // Without the header (a request that bypassed the proxy) the peer address is the key.
    expect(await statusesOf(2, () => from({}))).toEqual([200, 429]);
  });

  it('uses clientKey when given, and refuses it together with trustProxyHeaders', async () => {
    const limited = handler({
      rateLimit: { capacity: 1, refillPerSecond: 1 },
      clientKey: (request) => request.headers.get('x-session') ?? 'anonymous',
    });
    expect((await limited(get('?model=lite', { 'x-session': 'alice' }))).status).toBe(200);
    expect((await limited(get('?model=lite', { 'x-session': 'alice' }))).status).toBe(429);
    expect((await limited(get('?model=lite', { 'x-session': 'bob' }))).status).toBe(200);

    const both = { ...CREDENTIALS, public: true, clientKey: () => 'k', trustProxyHeaders: 'x-real-ip' };
    expect(() => createSigningHandler(both)).toThrow(SparkConfigError);
  });

  it('refuses header names that are not header names', () => {
    for (const trustProxyHeaders of ['', 'x real ip', ['x-real-ip', 'bad:name'], [] as string[]]) {
      expect(
        () => createSigningHandler({ ...CREDENTIALS, public: true, trustProxyHeaders }),
        String(trustProxyHeaders),
      ).toThrow(SparkConfigError);
    }
  });
});
