import { createServer, request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createNodeSigningListener, type SigningHandlerOptions } from '@xinghuo/node';
import { afterEach, describe, expect, it } from 'vitest';
import { findSecrets } from './support/secrets';

const SECRETS = {
  appId: 'abusetst',
  apiKey: 'a'.repeat(16) + 'b'.repeat(16),
  apiSecret: 'S3cr3tS3cr3tS3cr3tS3cr3tS3cr3t!!',
};
const TOKEN = 'Bearer let-me-in';

const servers: Server[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => new Promise((resolve) => server.close(resolve))));
});

/** Serves the signing handler on a loopback port and returns its base URL. */
async function serve(overrides: Partial<SigningHandlerOptions> = {}): Promise<string> {
  const server = createServer(
    createNodeSigningListener({
      ...SECRETS,
      authorize: (request) => request.headers.get('authorization') === TOKEN,
      rateLimit: { capacity: 1000, refillPerSecond: 1000 },
      ...overrides,
    }),
  );
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

interface Refusal {
  name: string;
  options?: Partial<SigningHandlerOptions>;
  path: string;
  init?: RequestInit;
  status: number;
  code: string;
}

const authorized = { headers: { authorization: TOKEN } };

const REFUSALS: Refusal[] = [
  {
    name: 'an unknown model',
    path: '/sign?model=gpt-4o',
    init: authorized,
    status: 404,
    code: 'unknown_model',
  },
  {
    name: 'a URL smuggled in as the model',
    path: `/sign?model=${encodeURIComponent('wss://evil.example.com/v1.1/chat')}`,
    init: authorized,
    status: 404,
    code: 'unknown_model',
  },
  {
    name: 'a registry model outside the allowed list',
    options: { models: ['lite'] },
    path: '/sign?model=4.0Ultra',
    init: authorized,
    status: 404,
    code: 'unknown_model',
  },
  {
    name: 'a custom model on a foreign host',
    options: {
      customModels: { exfil: { url: 'wss://evil.example.com/v1.1/chat', domain: 'lite' } },
      allowedHosts: ['spark-api.xf-yun.com'],
    },
    path: '/sign?model=exfil',
    init: authorized,
    status: 403,
    code: 'forbidden_host',
  },
  { name: 'no model at all', path: '/sign', init: authorized, status: 400, code: 'bad_request' },
  { name: 'a missing authorization', path: '/sign?model=lite', status: 401, code: 'unauthorized' },
  {
    name: 'a wrong authorization',
    path: '/sign?model=lite',
    init: { headers: { authorization: 'Bearer guess' } },
    status: 401,
    code: 'unauthorized',
  },
  {
    name: 'a failing authorization check',
    options: {
      authorize: () => {
        throw new Error(`database down; ${SECRETS.apiSecret}`);
      },
    },
    path: '/sign?model=lite',
    init: authorized,
    status: 500,
    code: 'internal_error',
  },
  {
    name: 'a disallowed origin',
    options: { allowedOrigins: ['https://app.example.com'] },
    path: '/sign?model=lite',
    init: { headers: { authorization: TOKEN, origin: 'https://evil.example.com' } },
    status: 403,
    code: 'forbidden_origin',
  },
  {
    name: 'a preflight from a disallowed origin',
    options: { allowedOrigins: ['https://app.example.com'] },
    path: '/sign?model=lite',
    init: {
      method: 'OPTIONS',
      headers: { origin: 'https://evil.example.com', 'access-control-request-method': 'GET' },
    },
    status: 403,
    code: 'forbidden_origin',
  },
  {
    name: 'a cross-origin request when only same-origin is allowed',
    path: '/sign?model=lite',
    init: { headers: { authorization: TOKEN, origin: 'https://evil.example.com' } },
    status: 403,
    code: 'forbidden_origin',
  },
  {
    name: 'a POST',
    path: '/sign?model=lite',
    init: { method: 'POST', headers: { authorization: TOKEN }, body: 'model=lite' },
    status: 405,
    code: 'method_not_allowed',
  },
];

/** Asserts a refusal: status, JSON error code, and not a trace of a secret or a signature. */
async function expectRefusal(response: Response, status: number, code: string): Promise<void> {
  const text = await response.text();
  const headerText = [...response.headers].map(([name, value]) => `${name}: ${value}`).join('\n');
  expect(response.status).toBe(status);
  expect((JSON.parse(text) as { error: { code: string } }).error.code).toBe(code);
  expect(findSecrets(`${text}\n${headerText}`, SECRETS)).toEqual([]);
}

describe('signing handler under abuse', () => {
  it.each(REFUSALS)('refuses $name with HTTP $status ($code) and leaks nothing', async (refusal) => {
    const base = await serve(refusal.options);
    await expectRefusal(await fetch(`${base}${refusal.path}`, refusal.init), refusal.status, refusal.code);
  });

  it('signs an authorized request for an allowed model (the refusals above are not vacuous)', async () => {
    const base = await serve({ allowedOrigins: ['https://app.example.com'] });
    const response = await fetch(`${base}/sign?model=lite`, {
      headers: { authorization: TOKEN, origin: 'https://app.example.com' },
    });
    const body = (await response.json()) as { url: string; appId: string };
    expect(response.status).toBe(200);
    expect(new URL(body.url).host).toBe('spark-api.xf-yun.com');
    expect(new URL(body.url).searchParams.get('authorization')).toMatch(/^YXBpX2tleT0i/);
    expect(JSON.stringify(body)).not.toContain(SECRETS.apiSecret);
  });

  it('ignores a host smuggled into the query and signs only the registry host', async () => {
    const base = await serve();
    const response = await fetch(
      `${base}/sign?model=lite&host=evil.example.com&url=wss://evil.example.com/`,
      authorized,
    );
    const body = (await response.json()) as { url: string };
    expect(response.status).toBe(200);
    expect(new URL(body.url).host).toBe('spark-api.xf-yun.com');
    expect(new URL(body.url).searchParams.get('host')).toBe('spark-api.xf-yun.com');
  });

  it('refuses a burst past the rate limit with 429 and Retry-After, then recovers', async () => {
    let clock = Date.parse('2026-01-01T00:00:00Z');
    const base = await serve({ rateLimit: { capacity: 5, refillPerSecond: 1 }, now: () => new Date(clock) });
    const statuses: number[] = [];
    for (let index = 0; index < 50; index += 1) {
      const response = await fetch(`${base}/sign?model=lite`, authorized);
      statuses.push(response.status);
      if (response.status === 429) {
        expect(Number(response.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
        await expectRefusal(response, 429, 'rate_limited');
      } else await response.arrayBuffer();
    }
    expect(statuses.filter((status) => status === 200)).toHaveLength(5);
    expect(statuses.filter((status) => status === 429)).toHaveLength(45);
    // Refusals are counted apart: the exhausted signature budget does not turn a guess into a 429…
    const guesses: number[] = [];
    for (let index = 0; index < 8; index += 1) {
      const guess = await fetch(`${base}/sign?model=lite`, { headers: { authorization: 'Bearer guess' } });
      guesses.push(guess.status);
      if (guess.status === 429) await expectRefusal(guess, 429, 'rate_limited');
      else await expectRefusal(guess, 401, 'unauthorized');
    }
    // …but guessing has a budget of its own.
    expect(guesses).toEqual([401, 401, 401, 401, 401, 429, 429, 429]);
    clock += 2_000;
    const later = await fetch(`${base}/sign?model=lite`, authorized);
    expect(later.status).toBe(200);
    await later.arrayBuffer();
  });

  it('keeps signing for an authorized caller while refusals from the same address are throttled', async () => {
    const base = await serve({ rateLimit: { capacity: 10, refillPerSecond: 0.001 } });
    const statuses: number[] = [];
    for (let index = 0; index < 12; index += 1) {
      const response = await fetch(`${base}/sign?model=lite`);
      statuses.push(response.status);
      await response.arrayBuffer();
    }
    expect(statuses).toEqual([...Array(10).fill(401), 429, 429]);
    const authorizedAfter = await fetch(`${base}/sign?model=lite`, authorized);
    expect(authorizedAfter.status).toBe(200);
    await authorizedAfter.arrayBuffer();
  });

  it('does not let forged client-IP headers buy fresh buckets', async () => {
    const base = await serve({ rateLimit: { capacity: 5, refillPerSecond: 0.001 } });
    const statuses: number[] = [];
    for (let index = 0; index < 50; index += 1) {
      const address = `192.0.2.${index}`;
      const response = await fetch(`${base}/sign?model=lite`, {
        headers: {
          authorization: TOKEN,
          'x-forwarded-for': address,
          'x-real-ip': address,
          'cf-connecting-ip': address,
        },
      });
      statuses.push(response.status);
      await response.arrayBuffer();
    }
    expect(statuses.filter((status) => status === 200)).toHaveLength(5);
  });

  it('refuses a public handler under a Host it was not configured for (DNS rebinding)', async () => {
    const base = await serve({ authorize: undefined, public: true });
    const port = new URL(base).port;
    const status = await new Promise<number>((resolve, reject) => {
      const outgoing = httpRequest(
        {
          host: '127.0.0.1',
          port,
          path: '/sign?model=lite',
          headers: { host: `rebind.attacker.test:${port}` },
        },
        (response) => {
          response.resume();
          response.on('end', () => resolve(response.statusCode ?? 0));
        },
      );
      outgoing.on('error', reject);
      outgoing.end();
    });
    expect(status).toBe(403);
  });

  it('keeps separate buckets per client address behind a trusted proxy key', async () => {
    const base = await serve({
      rateLimit: { capacity: 2, refillPerSecond: 0.001 },
      clientKey: (request) => request.headers.get('x-user') ?? 'anonymous',
    });
    const statusFor = async (user: string) => {
      const response = await fetch(`${base}/sign?model=lite`, {
        headers: { authorization: TOKEN, 'x-user': user },
      });
      await response.arrayBuffer();
      return response.status;
    };
    expect([await statusFor('alice'), await statusFor('alice'), await statusFor('alice')]).toEqual([
      200, 200, 429,
    ]);
    expect(await statusFor('bob')).toBe(200);
  });
});
