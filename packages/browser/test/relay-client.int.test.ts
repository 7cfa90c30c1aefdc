/**
 * The browser client over HTTP on Node, through a real relay: `createNodeRelayListener` of
 * `@xinghuo/node` mounted under `/api/spark` on a loopback server, in front of the mock Spark server's
 * HTTP face. The client holds no credential; the relay adds the mock's APIPassword. A recording `fetch`
 * stands for the page's network tab, to show that nothing the page sends or receives holds the password.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type MockSpark, startMockSpark } from '@xinghuo/mock-server';
import { createNodeRelayListener } from '@xinghuo/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { failure } from '../../../test-support/failure';
import { createSparkClient } from '../src/create-spark-client';
import {
  type BrowserSparkClientOptions,
  SparkAbortError,
  SparkAuthError,
  SparkConfigError,
  SparkContentFilterError,
  SparkRateLimitError,
} from '../src/index';
import { abortAfterFirstDelta } from './abort-mid-stream';

const SESSION = 'Bearer app-session-token';
const messages = [{ role: 'user' as const, content: '你好' }];

let mock: MockSpark;
let server: Server;
let relayURL: string;
/** What the relay's `authorize` saw: the app's own header of each request. */
const authorizations: (string | null)[] = [];
/** What the "page" sent and received, as its network tab would show it. */
const network: { url: string; headers: Record<string, string>; body: string }[] = [];

beforeAll(async () => {
  mock = await startMockSpark();
  const relay = createNodeRelayListener({
    apiPassword: mock.apiPassword,
    upstream: mock.httpURL,
    authorize: (request) => {
      const authorization = request.headers.get('authorization');
      authorizations.push(authorization);
      return authorization === SESSION;
    },
    rateLimit: false,
  });
  server = createServer((request, response) => {
    if (request.url?.startsWith('/api/spark/')) relay(request, response);
    else response.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  relayURL = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/spark`;
});
afterEach(() => {
  mock.reset();
  authorizations.length = 0;
  network.length = 0;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  await mock.close();
});

/** The page's fetch: records each request's headers and, once read, the response body. */
const recordingFetch = async (url: string, init: RequestInit): Promise<Response> => {
  const headers: Record<string, string> = {};
  new Headers(init.headers).forEach((value, name) => {
    headers[name] = value;
  });
  const entry = { url, headers, body: '' };
  network.push(entry);
  const response = await fetch(url, init);
  // Each chunk is recorded as it passes to the page: the client may stop reading before the end.
  const decoder = new TextDecoder();
  const recorded = response.body?.pipeThrough(
    new TransformStream<Uint8Array, Uint8Array>({
      transform(chunk, controller) {
        entry.body += decoder.decode(chunk, { stream: true });
        controller.enqueue(chunk);
      },
    }),
  );
  return new Response(recorded ?? null, { status: response.status, headers: response.headers });
};

function client(options: Partial<BrowserSparkClientOptions> = {}) {
  return createSparkClient({
    relayURL,
    headers: { authorization: SESSION },
    fetch: recordingFetch,
    maxRetries: 0,
    retryDelay: { baseDelayMs: 1, maxDelayMs: 5 },
    ...options,
  });
}

describe('browser client over HTTP through a relay', () => {
  it('streams an answer with no credential in the page, the relay adding the password', async () => {
    const text = '经由中继的流式回答，一块一块地到达。';
    mock.enqueue({ text, chunkChars: 4 });
    const http = client();
    expect(http.protocol).toBe('http');
    const stream = http.stream({ model: 'lite', messages });
    const deltas: string[] = [];
    for await (const delta of stream.textStream) deltas.push(delta);
    const result = await stream.finalResult();
    expect(deltas.length).toBeGreaterThan(1);
    expect(deltas.join('')).toBe(text);
    expect(result).toMatchObject({ text, model: 'lite', finishReason: 'stop', attempts: 1 });
    expect(result.usage.totalTokens).toBeGreaterThan(0);

    expect(network.map((entry) => entry.url)).toEqual([`${relayURL}/v1/chat/completions`]);
    expect(network[0]?.headers).toMatchObject({
      authorization: SESSION,
      'content-type': 'application/json',
      accept: 'text/event-stream',
    });
    expect(authorizations).toEqual([SESSION]);
    // The mock checked the Bearer password (a wrong one gets 401) and saw the request once.
    expect(mock.requests).toHaveLength(1);
    expect(mock.requests[0]).toMatchObject({ path: '/v1/chat/completions', protocol: 'http' });
    expect(network[0]?.body).toMatch(/^data: ?\{/);
    expect(network[0]?.body).toContain('"finish_reason":"stop"');
    expect(JSON.stringify(network)).not.toContain(mock.apiPassword);
  });

  it('calls a function and answers with its result, over the relay', async () => {
    const functions = [
      {
        name: 'get_weather',
        description: 'The weather of a city',
        parameters: { type: 'object' as const, properties: { city: { type: 'string' } }, required: ['city'] },
      },
    ];
    mock.enqueue({ functionCall: { name: 'get_weather', arguments: { city: '合肥' } } });
    const http = client();
    const first = await http.chat({ model: 'max', messages, functions });
    expect(first.finishReason).toBe('function_call');
    expect(first.functionCall).toMatchObject({ name: 'get_weather', parsedArguments: { city: '合肥' } });
    const call = first.functionCall!;
    mock.enqueue({ text: '合肥今天晴，25 度。' });
    const second = await http.chat({
      model: 'max',
      functions,
      messages: [
        ...messages,
        { role: 'assistant', content: '', toolCalls: first.functionCalls },
        { role: 'tool', content: '{"weather":"晴","celsius":25}', toolCallId: call.id },
      ],
    });
    expect(second.text).toBe('合肥今天晴，25 度。');
    const sent = mock.requests[1]?.request as unknown as { messages?: unknown[] } | undefined;
    expect(JSON.stringify(sent)).toContain('"celsius\\":25');
  });

  it('refuses a page without the app session: SparkAuthError, nothing forwarded', async () => {
    const error = await failure(client({ headers: undefined }).chat({ model: 'lite', messages }));
    expect(error).toBeInstanceOf(SparkAuthError);
    expect(authorizations).toEqual([null]);
    expect(mock.requests).toHaveLength(0);
  });

  it('computes the headers per attempt and retries a 429 before any content', async () => {
    mock.enqueue({
      reject: { status: 429, body: { error: { message: 'slow down' } }, headers: { 'retry-after': '0' } },
    });
    mock.enqueue({ text: 'second attempt' });
    let calls = 0;
    const http = client({
      maxRetries: 1,
      headers: async () => {
        calls += 1;
        return { authorization: SESSION };
      },
    });
    const result = await http.chat({ model: 'lite', messages });
    expect(result).toMatchObject({ text: 'second attempt', attempts: 2 });
    expect(calls).toBe(2);
    expect(authorizations).toEqual([SESSION, SESSION]);
  });

  it('gives a 429 as SparkRateLimitError when no retry is left', async () => {
    mock.enqueue({ reject: { status: 429, body: { error: { message: 'slow down' } } } });
    expect(await failure(client().chat({ model: 'lite', messages }))).toBeInstanceOf(SparkRateLimitError);
  });

  it('types a business error inside the stream, after partial text', async () => {
    mock.enqueue({ text: '一段会被拦截的回答', chunkChars: 2, error: { code: 10014, afterFrames: 2 } });
    const error = await failure(client().chat({ model: 'lite', messages }));
    expect(error).toBeInstanceOf(SparkContentFilterError);
  });

  it('aborts mid-stream: SparkAbortError, and the relay cancels the upstream request', async () => {
    mock.enqueue({ text: '慢慢地流出来的很长的回答。'.repeat(10), chunkChars: 2, latencyMs: 30 });
    const { received, reading } = await abortAfterFirstDelta(client(), { model: 'lite', messages });
    await expect(reading).rejects.toBeInstanceOf(SparkAbortError);
    expect(received.length).toBeGreaterThan(0);
    await expect.poll(() => mock.openHttpRequests(), { timeout: 10_000 }).toBe(0);
  });

  it('refuses options that contradict a relay, as SparkConfigError', async () => {
    expect(() => createSparkClient({ relayURL, apiPassword: 'secret-password' })).toThrow(/apiPassword/);
    expect(() => createSparkClient({ appId: 'app', headers: { authorization: SESSION } })).toThrow(
      SparkConfigError,
    );
    const contradictions: Partial<BrowserSparkClientOptions>[] = [
      { apiPassword: 'secret-password', dangerouslyAllowBrowser: true },
      { protocol: 'ws' },
      { baseURL: 'http://127.0.0.1:1' },
      { relayURL: 'ftp://example.com/spark' },
      // No page here (Node), so a path has nothing to be relative to.
      { relayURL: '/api/spark' },
    ];
    for (const options of contradictions) {
      const error = await failure(client(options).chat({ model: 'lite', messages }));
      expect(error).toBeInstanceOf(SparkConfigError);
      expect(error.message).not.toContain('secret-password');
    }
    expect(network).toHaveLength(0);
  });
});
