import type { MockScenario } from '@xinghuo/mock-server';
import { describe, expect, it } from 'vitest';
import { createApiHandler, type PublicConfig } from './api-handler';

const config: PublicConfig = {
  mode: 'mock',
  appId: 'app',
  models: ['lite'],
  defaultModel: 'lite',
  relayPath: '/api/spark',
};
const sign = async () => Response.json({ url: 'ws://signed' });
/** Records the paths the relay was given. */
const relayed: string[] = [];
const relay = async (request: Request) => {
  relayed.push(new URL(request.url).pathname);
  return Response.json({ relayed: true });
};
const JSON_HEADERS = { 'content-type': 'application/json' };

async function call(handler: ReturnType<typeof createApiHandler>, path: string, init?: RequestInit) {
  const response = await handler(new Request(`http://127.0.0.1${path}`, init));
  return { status: response.status, body: await response.json() };
}

describe('createApiHandler', () => {
  it('serves the config and delegates signing', async () => {
    const handler = createApiHandler({ config, sign, relay });
    await expect(call(handler, '/api/config')).resolves.toEqual({ status: 200, body: config });
    await expect(call(handler, '/api/spark/sign?model=lite')).resolves.toEqual({
      status: 200,
      body: { url: 'ws://signed' },
    });
    await expect(call(handler, '/api/nope')).resolves.toMatchObject({ status: 404 });
  });

  it('arms mock faults by id or by Spark code, and rejects unknown ones', async () => {
    const armed: MockScenario[] = [];
    const handler = createApiHandler({
      config,
      sign,
      relay,
      enqueueMockScenario: (scenario) => armed.push(scenario),
    });
    const post = (body: string) =>
      call(handler, '/api/mock/next-fault', { method: 'POST', headers: JSON_HEADERS, body });
    await expect(post('{"fault":"input-moderation"}')).resolves.toEqual({
      status: 200,
      body: { armed: true },
    });
    await expect(post('{"code":11202}')).resolves.toMatchObject({ status: 200 });
    await expect(post('{"fault":"nope"}')).resolves.toMatchObject({
      status: 400,
      body: { error: { code: 'unknown_fault' } },
    });
    await expect(post('not json')).resolves.toMatchObject({ status: 400 });
    expect(armed).toEqual([{ error: { code: 10013 } }, { error: { code: 11202 } }]);
  });

  it('has no fault route in live mode', async () => {
    const handler = createApiHandler({ config: { ...config, mode: 'live' }, sign, relay });
    await expect(
      call(handler, '/api/mock/next-fault', {
        method: 'POST',
        headers: JSON_HEADERS,
        body: '{"code":10013}',
      }),
    ).resolves.toMatchObject({
      status: 404,
    });
  });

  it('refuses state-changing requests another site could send (CSRF)', async () => {
    const armed: MockScenario[] = [];
    const handler = createApiHandler({
      config,
      sign,
      relay,
      enqueueMockScenario: (scenario) => armed.push(scenario),
    });
    const post = (headers: Record<string, string>) =>
      call(handler, '/api/mock/next-fault', { method: 'POST', headers, body: '{"fault":"drop"}' });
    // What a no-cors fetch or a form from another page sends: a "simple" content type.
    await expect(post({ 'content-type': 'text/plain;charset=UTF-8' })).resolves.toMatchObject({
      status: 415,
      body: { error: { code: 'unsupported_media_type' } },
    });
    await expect(post({ 'content-type': 'application/x-www-form-urlencoded' })).resolves.toMatchObject({
      status: 415,
    });
    await expect(post({ 'content-type': 'application/jsonp' })).resolves.toMatchObject({ status: 415 });
    // JSON, but from another origin, or a browser that says the request is cross-site.
    await expect(post({ ...JSON_HEADERS, origin: 'http://evil.example' })).resolves.toMatchObject({
      status: 403,
      body: { error: { code: 'cross_origin' } },
    });
    await expect(post({ ...JSON_HEADERS, origin: 'null' })).resolves.toMatchObject({ status: 403 });
    await expect(post({ ...JSON_HEADERS, 'sec-fetch-site': 'cross-site' })).resolves.toMatchObject({
      status: 403,
    });
    await expect(post({ ...JSON_HEADERS, 'sec-fetch-site': 'same-site' })).resolves.toMatchObject({
      status: 403,
    });
    expect(armed).toEqual([]);
    // The playground page itself: same origin, JSON.
    await expect(
      post({
        'content-type': 'application/json; charset=utf-8',
        origin: 'http://127.0.0.1',
        'sec-fetch-site': 'same-origin',
      }),
    ).resolves.toMatchObject({ status: 200 });
    expect(armed).toEqual([{ drop: { afterFrames: 3 } }]);
  });

  it('delegates the chat-completions paths under /api/spark to the relay, same-origin JSON only', async () => {
    relayed.length = 0;
    const handler = createApiHandler({ config, sign, relay });
    const post = (path: string, headers: Record<string, string> = JSON_HEADERS) =>
      call(handler, path, { method: 'POST', headers, body: '{"model":"lite"}' });
    await expect(post('/api/spark/v1/chat/completions')).resolves.toEqual({
      status: 200,
      body: { relayed: true },
    });
    await expect(post('/api/spark/x2/chat/completions')).resolves.toMatchObject({ status: 200 });
    await expect(post('/api/spark/v1/chat')).resolves.toMatchObject({ status: 404 });
    await expect(
      post('/api/spark/v1/chat/completions', { ...JSON_HEADERS, origin: 'http://attacker.test' }),
    ).resolves.toMatchObject({ status: 403 });
    expect(relayed).toEqual(['/api/spark/v1/chat/completions', '/api/spark/x2/chat/completions']);
  });
});
