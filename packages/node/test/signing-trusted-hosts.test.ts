import { SparkConfigError } from '@xinghuo/core';
import { describe, expect, it } from 'vitest';
import { createSigningHandler } from '../src/signing/index';
import { bearerGood, CREDENTIALS, errorOf, FIXED_DATE } from './signing-requests';

/** A handler as an app would configure it, without the test default of a trusted host. */
function publicHandler(options: Partial<Parameters<typeof createSigningHandler>[0]> = {}) {
  return createSigningHandler({ ...CREDENTIALS, public: true, now: () => FIXED_DATE, ...options });
}

function request(url: string, headers: Record<string, string> = {}): Request {
  return new Request(url, { headers });
}

describe('signing handler: same origin only against hosts the app configured', () => {
  it('refuses a public handler reached under a rebound domain name (DNS rebinding)', async () => {
    // rebind.attacker.test resolved to 127.0.0.1: the page is same-origin, so no Origin header is sent.
    const response = await publicHandler()(
      request('http://rebind.attacker.test:5173/api/spark/sign?model=lite'),
    );
    expect(response.status).toBe(403);
    expect((await errorOf(response)).code).toBe('untrusted_host');
  });

  it('refuses a raw request whose Origin equals its own Host', async () => {
    const evil = request('http://evil.com/s?model=lite', { origin: 'http://evil.com' });
    const refused = await publicHandler()(evil);
    expect(refused.status).toBe(403);
    expect(await refused.text()).not.toContain('wss://');

    // With authorize() and no trusted hosts, an Origin must be one the app listed.
    const authorizedEverywhere = createSigningHandler({ ...CREDENTIALS, authorize: () => true });
    const response = await authorizedEverywhere(
      request('http://evil.com/s?model=lite', { origin: 'http://evil.com' }),
    );
    expect(response.status).toBe(403);
    expect((await errorOf(response)).code).toBe('forbidden_origin');
    // Server callers (no Origin) still depend on authorize() alone.
    expect((await authorizedEverywhere(request('http://evil.com/s?model=lite'))).status).toBe(200);
  });

  it('serves a public handler on loopback names by default (local development)', async () => {
    const local = publicHandler();
    for (const url of [
      'http://localhost:5173/api/spark/sign?model=lite',
      'http://127.0.0.1:8080/sign?model=lite',
      'http://[::1]:3000/sign?model=lite',
      'http://app.localhost/sign?model=lite',
    ]) {
      expect((await local(request(url))).status, url).toBe(200);
    }
    const sameOrigin = await local(
      request('http://localhost:5173/sign?model=lite', { origin: 'http://localhost:5173' }),
    );
    expect(sameOrigin.status).toBe(200);
    expect(sameOrigin.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('serves only the configured hosts, by name (any port) or by name and port', async () => {
    const configured = publicHandler({ trustedHosts: ['app.example.com', 'localhost:8443', '.example.org'] });
    const statusOf = async (url: string, headers: Record<string, string> = {}) =>
      (await configured(request(url, headers))).status;
    expect(await statusOf('https://app.example.com/sign?model=lite')).toBe(200);
    expect(await statusOf('http://app.example.com:8080/sign?model=lite')).toBe(200);
    expect(await statusOf('https://localhost:8443/sign?model=lite')).toBe(200);
    expect(await statusOf('https://localhost:5173/sign?model=lite')).toBe(403);
    expect(await statusOf('https://www.example.org/sign?model=lite')).toBe(200);
    expect(await statusOf('https://example.org/sign?model=lite')).toBe(200);
    expect(await statusOf('https://evilexample.org/sign?model=lite')).toBe(403);
    expect(await statusOf('https://other.example.com/sign?model=lite')).toBe(403);
    // Same origin on a configured host; an Origin on another host must be in allowedOrigins.
    expect(
      await statusOf('https://app.example.com/sign?model=lite', { origin: 'https://app.example.com' }),
    ).toBe(200);
    expect(
      await statusOf('https://app.example.com/sign?model=lite', { origin: 'https://www.example.org' }),
    ).toBe(403);
  });

  it('still applies allowedOrigins for cross-origin pages, and trustedHosts "*" serves any host', async () => {
    const open = publicHandler({ trustedHosts: '*', allowedOrigins: ['https://web.example.org'] });
    const cross = await open(
      request('https://api.example.com/sign?model=lite', { origin: 'https://web.example.org' }),
    );
    expect(cross.status).toBe(200);
    expect(cross.headers.get('access-control-allow-origin')).toBe('https://web.example.org');
    const self = await open(
      request('https://api.example.com/sign?model=lite', { origin: 'https://api.example.com' }),
    );
    expect(self.status).toBe(403);
    expect((await open(request('https://anything.test/sign?model=lite'))).status).toBe(200);
  });

  it('checks the host before authorize() runs', async () => {
    let calls = 0;
    const guarded = createSigningHandler({
      ...CREDENTIALS,
      trustedHosts: ['app.example.com'],
      authorize: (incoming) => {
        calls += 1;
        return bearerGood(incoming);
      },
    });
    const response = await guarded(
      request('https://evil.example.com/sign?model=lite', { authorization: 'Bearer good' }),
    );
    expect(response.status).toBe(403);
    expect(calls).toBe(0);
  });

  it('refuses malformed trustedHosts', () => {
    for (const trustedHosts of [
      [''],
      ['https://app.example.com'],
      ['app.example.com/path'],
      'app.example.com',
    ]) {
      expect(
        () => createSigningHandler({ ...CREDENTIALS, public: true, trustedHosts: trustedHosts as string[] }),
        String(trustedHosts),
      ).toThrow(SparkConfigError);
    }
  });
});
