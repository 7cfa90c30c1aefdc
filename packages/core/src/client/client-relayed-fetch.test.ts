import { describe, expect, it } from 'vitest';
import { SparkConfigError } from '../errors/error-classes';
import { failure, QUESTION } from '../internal-test-support/client-fixtures';
import { useSseServer } from '../internal-test-support/per-test-sse-server';
import { contentChunk, writeEvents } from '../internal-test-support/sse-server';
import { isRelayedFetch } from '../protocol/http/http-protocol';
import { relayedFetch } from './credentials';
import { createSparkEngine } from './engine';

const server = useSseServer();

describe('an HTTP client behind a relay (relayedFetch)', () => {
  it('sends no credential and no Authorization, under the base URL path prefix', async () => {
    await server.start(({ response }) => writeEvents(response, [contentChunk({ content: '经由中继' })]));
    const calls: string[] = [];
    const client = createSparkEngine({
      protocol: 'http',
      baseURL: `${server.url}/api/spark/`,
      fetch: relayedFetch((url, init) => {
        calls.push(url);
        return globalThis.fetch(url, init);
      }),
      defaultModel: 'lite',
    });
    expect((await client.chat(QUESTION)).text).toBe('经由中继');
    expect(calls).toEqual([`${server.url}/api/spark/v1/chat/completions`]);
    expect(server.requests[0]).toMatchObject({
      method: 'POST',
      path: '/api/spark/v1/chat/completions',
      authorization: undefined,
      body: { model: 'lite', stream: true },
    });
  });

  it('still asks a client with a plain fetch for its credential, before any network', async () => {
    await server.start(({ response }) => writeEvents(response, [contentChunk({ content: 'x' })]));
    const client = createSparkEngine({
      protocol: 'http',
      baseURL: server.url,
      fetch: (url, init) => globalThis.fetch(url, init),
      defaultModel: 'lite',
    });
    const error = await failure(client.chat(QUESTION));
    expect(error).toBeInstanceOf(SparkConfigError);
    expect(error.message).toMatch(/SPARK_API_PASSWORD/);
    expect(server.requests).toHaveLength(0);
  });

  it('marks a new function and leaves the given fetch unmarked', () => {
    const plain = globalThis.fetch;
    const marked = relayedFetch(plain);
    expect(isRelayedFetch(marked)).toBe(true);
    expect(isRelayedFetch(plain)).toBe(false);
    expect(isRelayedFetch(undefined)).toBe(false);
    expect(() => relayedFetch('fetch' as never)).toThrow(SparkConfigError);
  });
});
