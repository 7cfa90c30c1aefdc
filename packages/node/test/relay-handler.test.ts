import { SparkConfigError } from '@xinghuo/core';
import { afterEach, describe, expect, it } from 'vitest';
import { eventually } from '../../../test-support/eventually';
import { createRelayHandler, type RelayHandlerOptions } from '../src/relay/index';
import {
  type FakeUpstream,
  readUntil,
  SSE_CHUNKS,
  startFakeUpstream,
  type UpstreamReply,
} from './relay-upstream';
import { errorOf, FIXED_DATE, repeated, statusesOf } from './signing-requests';

const PASSWORD = 'pw-0123456789abcdef0123456789abcdef';
const APP = 'https://app.example.com';

let upstream: FakeUpstream | undefined;
afterEach(async () => {
  await upstream?.close();
  upstream = undefined;
});

async function relayTo(reply?: (index: number) => UpstreamReply, options: Partial<RelayHandlerOptions> = {}) {
  upstream = await startFakeUpstream(reply);
  return createRelayHandler({
    apiPassword: PASSWORD,
    public: true,
    trustedHosts: ['app.example.com'],
    upstream: upstream.url,
    now: () => FIXED_DATE,
    ...options,
  });
}

function post(
  body: unknown,
  headers: Record<string, string> = {},
  path = '/v1/chat/completions',
  init: RequestInit = {},
) {
  return new Request(`${APP}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
    ...init,
  });
}

const CHAT = { model: 'lite', stream: true, messages: [{ role: 'user', content: '你好' }] };

describe('createRelayHandler: forwarding', () => {
  it('streams each chunk to the caller before the upstream has finished', async () => {
    const relay = await relayTo(() => ({ chunks: SSE_CHUNKS, holdAfter: 1 }));
    const response = await relay(post(CHAT));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/event-stream');
    const reader = (response.body as ReadableStream<Uint8Array>).getReader();
    expect(await readUntil(reader, '你')).toBe(SSE_CHUNKS[0]);
    // The upstream still holds the rest of the answer.
    let settled = false;
    void upstream?.requests[0]?.closed.then(() => {
      settled = true;
    });
    expect(settled).toBe(false);
    upstream?.release();
    const rest = await readUntil(reader, '[DONE]');
    expect(SSE_CHUNKS[0] + rest).toBe(SSE_CHUNKS.join(''));
  });

  it('sends the password upstream, never to the caller, and forwards only the checked body', async () => {
    const relay = await relayTo();
    const response = await relay(
      post(CHAT, { authorization: 'Bearer app-session', cookie: 'sid=1', 'x-custom': 'yes' }),
    );
    const text = await response.text();
    const received = upstream?.requests[0];
    expect(received?.headers.authorization).toBe(`Bearer ${PASSWORD}`);
    expect(received?.headers.cookie).toBeUndefined();
    expect(received?.headers['x-custom']).toBeUndefined();
    expect(received?.path).toBe('/v1/chat/completions');
    expect(JSON.parse(received?.body ?? '')).toEqual(CHAT);
    const visible = text + JSON.stringify([...response.headers]);
    expect(visible).not.toContain(PASSWORD);
  });

  it('joins apiKey and apiSecret as Bearer key:secret', async () => {
    const relay = await relayTo(undefined, { apiPassword: undefined, apiKey: 'k-1', apiSecret: 's-2' });
    await (await relay(post({ ...CHAT, model: 'spark-x' }, {}, '/x2/chat/completions'))).text();
    expect(upstream?.requests[0]?.headers.authorization).toBe('Bearer k-1:s-2');
    expect(upstream?.requests[0]?.path).toBe('/x2/chat/completions');
  });

  it('works mounted under a prefix, and refuses other paths', async () => {
    const relay = await relayTo();
    const response = await relay(post({ ...CHAT, model: 'spark-x' }, {}, '/api/spark/v2/chat/completions'));
    expect(response.status).toBe(200);
    await response.text();
    expect(upstream?.requests[0]?.path).toBe('/v2/chat/completions');
    const other = await relay(post(CHAT, {}, '/api/spark/v1/embeddings'));
    expect(other.status).toBe(404);
    expect((await errorOf(other)).code).toBe('not_found');
    expect(upstream?.requests).toHaveLength(1);
  });

  it('passes upstream error statuses, bodies and Retry-After through, redacting the credential', async () => {
    const replies: UpstreamReply[] = [
      {
        status: 429,
        headers: { 'content-type': 'application/json', 'retry-after': '7' },
        chunks: ['{"error":{"message":"rate limited","type":"api_error"}}'],
      },
      {
        status: 401,
        headers: { 'content-type': 'application/json' },
        chunks: [`{"message":"bad Bearer ${PASSWORD}"}`],
      },
    ];
    const relay = await relayTo((index) => replies[index] as UpstreamReply);
    const limited = await relay(post(CHAT));
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('7');
    expect(await limited.json()).toEqual({ error: { message: 'rate limited', type: 'api_error' } });
    const refused = await relay(post(CHAT));
    expect(refused.status).toBe(401);
    const body = await refused.text();
    expect(body).toContain('bad Bearer [redacted]');
    expect(body).not.toContain(PASSWORD);
  });

  it('passes a non-stream JSON answer through, and never serves upstream HTML as HTML', async () => {
    const replies: UpstreamReply[] = [
      { headers: { 'content-type': 'application/json; charset=utf-8' }, chunks: ['{"code":0,"choices":[]}'] },
      { status: 502, headers: { 'content-type': 'text/html' }, chunks: ['<script>alert(1)</script>'] },
    ];
    const relay = await relayTo((index) => replies[index] as UpstreamReply);
    const json = await relay(post({ ...CHAT, stream: false }));
    expect(json.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(await json.json()).toEqual({ code: 0, choices: [] });
    expect(upstream?.requests[0]?.headers.accept).toBe('application/json');
    const html = await relay(post(CHAT));
    expect(html.status).toBe(502);
    expect(html.headers.get('content-type')).toBe('text/plain; charset=utf-8');
    expect(html.headers.get('x-content-type-options')).toBe('nosniff');
    await html.text();
  });

  it('does not follow an upstream redirect (the credential stays with the configured upstream)', async () => {
    const target = await startFakeUpstream();
    try {
      const relay = await relayTo(() => ({
        status: 307,
        headers: { location: `${target.url}/v1/chat/completions` },
        chunks: [],
      }));
      const response = await relay(post(CHAT));
      expect(response.status).toBe(502);
      expect((await errorOf(response)).code).toBe('upstream_unavailable');
      expect(target.requests).toHaveLength(0);
    } finally {
      await target.close();
    }
  });

  it('answers 502 without details when the upstream cannot be reached', async () => {
    const relay = await relayTo();
    await upstream?.close();
    const response = await relay(post(CHAT));
    expect(response.status).toBe(502);
    const error = await errorOf(response);
    expect(error.code).toBe('upstream_unavailable');
    expect(JSON.stringify(error)).not.toContain(PASSWORD);
  });

  it('cancels the upstream request when the caller goes away', async () => {
    const relay = await relayTo(() => ({ chunks: SSE_CHUNKS, holdAfter: 1 }));
    const caller = new AbortController();
    const response = await relay(post(CHAT, {}, undefined, { signal: caller.signal }));
    const reader = (response.body as ReadableStream<Uint8Array>).getReader();
    await readUntil(reader, '你');
    caller.abort();
    const outcome = await upstream?.requests[0]?.closed;
    expect(outcome).toEqual({ finished: false });
  });

  it('lets transformBody clamp the body, and checks the model it returns', async () => {
    const relay = await relayTo(undefined, {
      transformBody: (body) => ({ ...body, max_tokens: Math.min(Number(body.max_tokens ?? 512), 512) }),
    });
    await (await relay(post({ ...CHAT, max_tokens: 8192 }))).text();
    expect(JSON.parse(upstream?.requests[0]?.body ?? '{}').max_tokens).toBe(512);
    const sneaky = await relayTo(undefined, {
      transformBody: (body) => ({ ...body, model: '4.0Ultra' }),
      models: ['lite'],
    });
    expect((await sneaky(post(CHAT))).status).toBe(404);
  });
});

describe('createRelayHandler: what it refuses', () => {
  it('needs a credential, and authorize unless public', () => {
    expect(() => createRelayHandler({ public: true })).toThrow(SparkConfigError);
    expect(() => createRelayHandler({ apiPassword: PASSWORD })).toThrow(SparkConfigError);
    expect(() => createRelayHandler({ apiPassword: PASSWORD, public: true, upstream: 'ftp://x' })).toThrow(
      SparkConfigError,
    );
    try {
      createRelayHandler({ apiPassword: PASSWORD });
    } catch (error) {
      expect(String(error)).not.toContain(PASSWORD);
    }
  });

  it('allows only the models of each endpoint, narrowed by `models`', async () => {
    const relay = await relayTo();
    for (const [path, model] of [
      ['/v1/chat/completions', 'gpt-4o'],
      ['/v1/chat/completions', 'spark-x'],
      ['/x2/chat/completions', 'lite'],
      ['/x2.5/chat/completions', 'spark-x'],
    ] as const) {
      const response = await relay(post({ ...CHAT, model }, {}, path));
      expect(response.status, `${model} on ${path}`).toBe(404);
      expect((await errorOf(response)).code).toBe('unknown_model');
    }
    const x25 = await relay(post({ ...CHAT, model: 'spark-x2.5' }, {}, '/x2.5/chat/completions'));
    expect(x25.status).toBe(200);
    await x25.text();
    expect(upstream?.requests.map((request) => request.path)).toEqual(['/x2.5/chat/completions']);
    const missing = await relay(post({ messages: [] }));
    expect(missing.status).toBe(400);
    const narrowed = await relayTo(undefined, { models: ['lite'] });
    expect((await narrowed(post({ ...CHAT, model: '4.0Ultra' }))).status).toBe(404);
    const allowed = await narrowed(post(CHAT));
    expect(allowed.status).toBe(200);
    await allowed.text();
    expect(upstream?.requests).toHaveLength(1);
  });

  it('forwards what it checked: a duplicate model key cannot smuggle another model', async () => {
    const relay = await relayTo(undefined, { models: ['lite'] });
    const response = await relay(post('{"model":"4.0Ultra","model":"lite","messages":[]}'));
    await response.text();
    expect(upstream?.requests[0]?.body).toBe('{"model":"lite","messages":[]}');
  });

  it('bounds the body, with or without a declared length', async () => {
    const relay = await relayTo(undefined, { maxBodyBytes: 1024 });
    const big = { ...CHAT, messages: [{ role: 'user', content: 'x'.repeat(2000) }] };
    const declared = await relay(post(big));
    expect(declared.status).toBe(413);
    expect((await errorOf(declared)).code).toBe('payload_too_large');
    const bytes = new TextEncoder().encode(JSON.stringify(big));
    const streamed = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let offset = 0; offset < bytes.length; offset += 256)
          controller.enqueue(bytes.slice(offset, offset + 256));
        controller.close();
      },
    });
    const chunked = await relay(
      new Request(`${APP}/v1/chat/completions`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: streamed,
        duplex: 'half',
      } as RequestInit),
    );
    expect(chunked.status).toBe(413);
    expect(upstream?.requests).toHaveLength(0);
  });

  it('takes JSON objects only', async () => {
    const relay = await relayTo();
    const plain = await relay(post(JSON.stringify(CHAT), { 'content-type': 'text/plain' }));
    expect(plain.status).toBe(415);
    expect((await errorOf(plain)).code).toBe('unsupported_media_type');
    expect((await relay(post('{"model":'))).status).toBe(400);
    expect((await relay(post('[1,2]'))).status).toBe(400);
    expect(upstream?.requests).toHaveLength(0);
  });

  it('runs authorize before anything reaches the upstream', async () => {
    const relay = await relayTo(undefined, {
      public: false,
      authorize: (request) => request.headers.get('authorization') === 'Bearer good',
    });
    const refused = await relay(post(CHAT, { authorization: 'Bearer bad' }));
    expect(refused.status).toBe(401);
    expect(upstream?.requests).toHaveLength(0);
    const allowed = await relay(post(CHAT, { authorization: 'Bearer good' }));
    expect(allowed.status).toBe(200);
    await allowed.text();
    expect(upstream?.requests[0]?.headers.authorization).toBe(`Bearer ${PASSWORD}`);
  });

  it('applies trustedHosts, origins, CORS and the POST-only rule like the signing handler', async () => {
    upstream = await startFakeUpstream();
    const local = createRelayHandler({ apiPassword: PASSWORD, public: true, upstream: upstream.url });
    const rebound = await local(
      new Request('http://rebind.attacker.test/v1/chat/completions', { method: 'POST' }),
    );
    expect(rebound.status).toBe(403);
    expect((await errorOf(rebound)).code).toBe('untrusted_host');

    const relay = createRelayHandler({
      apiPassword: PASSWORD,
      public: true,
      trustedHosts: ['app.example.com'],
      allowedOrigins: ['https://web.example.org'],
      upstream: upstream.url,
    });
    const foreign = await relay(post(CHAT, { origin: 'https://evil.example.com' }));
    expect(foreign.status).toBe(403);
    expect((await errorOf(foreign)).code).toBe('forbidden_origin');
    const preflight = await relay(
      new Request(`${APP}/v1/chat/completions`, {
        method: 'OPTIONS',
        headers: { origin: 'https://web.example.org', 'access-control-request-headers': 'content-type' },
      }),
    );
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-methods')).toBe('POST, OPTIONS');
    expect(preflight.headers.get('access-control-allow-origin')).toBe('https://web.example.org');
    const allowed = await relay(post(CHAT, { origin: 'https://web.example.org' }));
    expect(allowed.headers.get('access-control-allow-origin')).toBe('https://web.example.org');
    await allowed.text();
    const get = await relay(new Request(`${APP}/v1/chat/completions`));
    expect(get.status).toBe(405);
    expect(get.headers.get('allow')).toBe('POST, OPTIONS');
  });

  it('limits refusals and relayed requests in separate budgets', async () => {
    const relay = await relayTo(undefined, {
      public: false,
      authorize: (request) => request.headers.get('authorization') === 'Bearer good',
      rateLimit: { capacity: 2, refillPerSecond: 0.001 },
    });
    const context = { remoteAddress: '203.0.113.9' };
    const refused = await statusesOf(5, () => relay(post(CHAT, { authorization: 'Bearer bad' }), context));
    expect(refused).toEqual(repeated([401, 2], [429, 3]));
    const allowed = await statusesOf(3, () => relay(post(CHAT, { authorization: 'Bearer good' }), context));
    expect(allowed).toEqual(repeated([200, 2], [429, 1]));
    // Another address has its own buckets.
    const other = await relay(post(CHAT, { authorization: 'Bearer good' }), {
      remoteAddress: '198.51.100.1',
    });
    expect(other.status).toBe(200);
    await other.text();
    expect(await eventually(() => upstream?.requests.length === 3)).toBe(true);
  });
});
