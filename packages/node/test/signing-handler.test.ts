import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SparkConfigError } from '@xinghuo/core';
import { describe, expect, it } from 'vitest';
import { createSigningHandler } from '../src/signing/index';
import { CREDENTIALS, errorOf, FIXED_DATE, get, handler, ORIGIN } from './signing-requests';

describe('createSigningHandler', () => {
  it('returns a signed URL for a registry model with expiry, domain and app id', async () => {
    const response = await handler()(get('?model=max'));
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    const body = (await response.json()) as Record<string, string>;
    const url = new URL(body.url ?? '');
    expect(`${url.protocol}//${url.host}${url.pathname}`).toBe('wss://spark-api.xf-yun.com/v3.5/chat');
    expect(url.searchParams.get('date')).toBe(FIXED_DATE.toUTCString());
    expect(url.searchParams.get('authorization')).toMatch(/^YXBpX2tleT0i/);
    expect(body).toMatchObject({
      model: 'generalv3.5',
      domain: 'generalv3.5',
      appId: CREDENTIALS.appId,
      expiresAt: new Date(FIXED_DATE.getTime() + 300_000).toISOString(),
    });
  });

  it('signs for the baseURL host instead of Spark when one is configured', async () => {
    const response = await handler({ baseURL: 'ws://127.0.0.1:8787' })(get('?model=lite'));
    const { url } = (await response.json()) as { url: string };
    expect(url.startsWith('ws://127.0.0.1:8787/v1.1/chat?')).toBe(true);
  });

  it('uses the default model when the request names none, and requires one otherwise', async () => {
    expect((await handler({ defaultModel: 'lite' })(get(''))).status).toBe(200);
    const response = await handler()(get(''));
    expect(response.status).toBe(400);
    expect((await errorOf(response)).code).toBe('bad_request');
  });

  it('refuses unknown models and models outside the allow-list', async () => {
    const unknown = await handler()(get('?model=gpt-4'));
    expect(unknown.status).toBe(404);
    expect((await errorOf(unknown)).code).toBe('unknown_model');
    const restricted = handler({ models: ['lite'] });
    expect((await restricted(get('?model=lite'))).status).toBe(200);
    expect((await restricted(get('?model=max'))).status).toBe(404);
  });

  it('is not an open signing oracle: a url parameter is ignored', async () => {
    const response = await handler()(get('?model=lite&url=wss://evil.example.com/v1.1/chat'));
    const { url } = (await response.json()) as { url: string };
    expect(new URL(url).host).toBe('spark-api.xf-yun.com');
  });

  it('signs configured custom models, but only on allowed hosts', async () => {
    const customModels = {
      tuned: { url: 'wss://maas-api.cn-huabei-1.xf-yun.com/v1.1/chat', domain: 'xdeepseekv3' },
    };
    const allowed = await handler({ customModels })(get('?model=tuned'));
    expect(allowed.status).toBe(200);
    expect(await allowed.json()).toMatchObject({ model: 'tuned', domain: 'xdeepseekv3' });

    const foreign = await handler({ customModels, allowedHosts: ['spark-api.xf-yun.com'] })(
      get('?model=tuned'),
    );
    expect(foreign.status).toBe(403);
    expect((await errorOf(foreign)).code).toBe('forbidden_host');
  });

  it('refuses a baseURL host that allowedHosts does not list', async () => {
    const response = await handler({ baseURL: 'ws://10.0.0.1:9000', allowedHosts: ['127.0.0.1:8787'] })(
      get('?model=lite'),
    );
    expect(response.status).toBe(403);
  });

  it('requires authorize() unless public is set explicitly', () => {
    expect(() => createSigningHandler({ ...CREDENTIALS })).toThrow(SparkConfigError);
    expect(() => createSigningHandler({ ...CREDENTIALS, apiSecret: '', public: true })).toThrow(
      SparkConfigError,
    );
  });

  it('applies a given authorize() even when public is set', async () => {
    const both = handler({ public: true, authorize: () => false });
    expect((await both(get('?model=lite'))).status).toBe(401);
  });

  it('answers 401 when authorize() says no, and 500 without details when it throws', async () => {
    const authorize = (request: Request) => request.headers.get('authorization') === 'Bearer good';
    const guarded = handler({ public: false, authorize });
    expect((await guarded(get('?model=lite'))).status).toBe(401);
    expect((await guarded(get('?model=lite', { authorization: 'Bearer bad' }))).status).toBe(401);
    expect((await guarded(get('?model=lite', { authorization: 'Bearer good' }))).status).toBe(200);

    const throwing = handler({
      public: false,
      authorize: () => {
        throw new Error(`database down, secret ${CREDENTIALS.apiSecret}`);
      },
    });
    const response = await throwing(get('?model=lite'));
    expect(response.status).toBe(500);
    expect(await response.text()).not.toContain('database down');
  });

  it('accepts same-origin requests and refuses other origins by default', async () => {
    expect((await handler()(get('?model=lite', { origin: ORIGIN }))).status).toBe(200);
    const response = await handler()(get('?model=lite', { origin: 'https://evil.example.com' }));
    expect(response.status).toBe(403);
    expect((await errorOf(response)).code).toBe('forbidden_origin');
  });

  it('answers CORS preflights for allowed origins and refuses the others', async () => {
    const cors = handler({ allowedOrigins: ['https://web.example.org'] });
    const preflight = await cors(
      get(
        '?model=lite',
        { origin: 'https://web.example.org', 'access-control-request-headers': 'authorization' },
        'OPTIONS',
      ),
    );
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe('https://web.example.org');
    expect(preflight.headers.get('access-control-allow-methods')).toContain('GET');
    expect(preflight.headers.get('access-control-allow-headers')).toBe('authorization');

    const actual = await cors(get('?model=lite', { origin: 'https://web.example.org' }));
    expect(actual.status).toBe(200);
    expect(actual.headers.get('access-control-allow-origin')).toBe('https://web.example.org');
    expect(actual.headers.get('vary')).toBe('Origin');

    const refused = await cors(get('?model=lite', { origin: 'https://evil.example.com' }, 'OPTIONS'));
    expect(refused.status).toBe(403);
    expect(refused.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('answers 405 to other methods', async () => {
    const response = await handler()(get('?model=lite', {}, 'POST'));
    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toBe('GET, OPTIONS');
  });

  it('rate-limits a burst per client with 429 and Retry-After, then refills', async () => {
    let now = FIXED_DATE.getTime();
    const limited = handler({ rateLimit: { capacity: 3, refillPerSecond: 0.5 }, now: () => new Date(now) });
    const from = (ip: string) => limited(get('?model=lite'), { remoteAddress: ip });
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 5; attempt += 1) statuses.push((await from('203.0.113.7')).status);
    expect(statuses).toEqual([200, 200, 200, 429, 429]);

    const refused = await from('203.0.113.7');
    expect(refused.headers.get('retry-after')).toBe('2');
    expect((await errorOf(refused)).code).toBe('rate_limited');
    expect((await from('198.51.100.9')).status).toBe(200);

    now += 2_000;
    expect((await from('203.0.113.7')).status).toBe(200);
    expect((await from('203.0.113.7')).status).toBe(429);
  });

  it('throttles repeated refusals with 429, asking authorize() every time', async () => {
    let calls = 0;
    const guarded = handler({
      public: false,
      authorize: () => {
        calls += 1;
        return false;
      },
      rateLimit: { capacity: 2, refillPerSecond: 1 },
    });
    const statuses = [];
    for (let attempt = 0; attempt < 4; attempt += 1)
      statuses.push((await guarded(get('?model=lite'))).status);
    expect(statuses).toEqual([401, 401, 429, 429]);
    // Only authorize() can tell a refusal from a caller who keeps a budget of their own.
    expect(calls).toBe(4);
  });

  it('never puts the API secret in any response, nor the API key in an error', async () => {
    const guarded = handler({
      public: false,
      authorize: (request) => request.headers.get('authorization') === 'Bearer good',
      allowedOrigins: [ORIGIN],
      rateLimit: { capacity: 4, refillPerSecond: 1 },
      customModels: { elsewhere: { url: 'wss://other.example.com/chat', domain: 'x' } },
      allowedHosts: ['spark-api.xf-yun.com'],
    });
    const ok = { authorization: 'Bearer good', origin: ORIGIN };
    const requests = [
      get('?model=lite', ok),
      get('?model=nope', ok),
      get('?model=elsewhere', ok),
      get('?model=lite', { origin: ORIGIN }),
      get('?model=lite', { ...ok, origin: 'https://evil.example.com' }),
      get('?model=lite', ok, 'DELETE'),
      get('?model=lite', ok),
      get('?model=lite', ok),
    ];
    for (const request of requests) {
      const response = await guarded(request);
      const headers = JSON.stringify([...response.headers]);
      const text = `${headers} ${await response.text()}`;
      expect(text).not.toContain(CREDENTIALS.apiSecret);
      if (response.status !== 200) expect(text).not.toContain(CREDENTIALS.apiKey);
    }
  });

  it('signs afresh on every request: each answer is a new credential', async () => {
    let now = FIXED_DATE.getTime();
    const signing = handler({ now: () => new Date(now) });
    const first = (await (await signing(get('?model=lite'))).json()) as { url: string };
    now += 1_000;
    const second = (await (await signing(get('?model=lite'))).json()) as { url: string };
    expect(second.url).not.toBe(first.url);
  });

  it('documents the signed URL as one attempt’s credential, with the gateway’s reuse rules unknown', () => {
    const source = readFileSync(join(import.meta.dirname, '../src/signing/signing-handler.ts'), 'utf8');
    const response = source.slice(source.indexOf('export interface SignedUrlResponse'));
    const urlDoc = /\/\*\*([\s\S]*?)\*\/\s*url: string;/.exec(response)?.[1]?.replace(/\s*\*\s*/g, ' ') ?? '';
    // The old wording promised a rule ("one connection at a time") that nothing enforces.
    expect(urlDoc).not.toMatch(/one connection at a time/i);
    expect(urlDoc).toMatch(/every connection attempt/i);
    expect(urlDoc).toMatch(/gateway[^.]*not known/i);
  });

  it('keeps the handler modules (signing, relay, shared guards) free of Node built-ins and ws, for edge runtimes', () => {
    for (const folder of ['signing', 'relay', 'guards']) {
      const directory = join(import.meta.dirname, '../src', folder);
      for (const file of readdirSync(directory)) {
        // Code only: the JSDoc examples may mention process.env.
        const source = readFileSync(join(directory, file), 'utf8').replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '');
        // Imports leave the folder only for the other edge-safe folders.
        expect(source, file).not.toMatch(/from '(node:|ws'|\.\.\/(?!(signing|relay|guards)\/))/);
        expect(source, file).not.toMatch(/\b(process|Buffer|require)\b[.(]/);
      }
    }
  });
});
