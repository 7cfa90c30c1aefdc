import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import {
  resolveModel,
  type SignUrlRequest,
  SparkAbortError,
  SparkAuthError,
  SparkConfigError,
  SparkConnectionError,
  type SparkError,
  SparkInvalidRequestError,
  SparkPermissionError,
  SparkProtocolError,
  SparkRateLimitError,
  SparkServerError,
} from '@xinghuo/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSignedUrlFetcher } from '../src/signed-url-fetcher';

type Route = (request: IncomingMessage, response: ServerResponse) => void;

let base = '';
let route: Route = (_request, response) => response.writeHead(500).end();
const seen: { url: string; headers: IncomingMessage['headers'] }[] = [];
const server = createServer((request, response) => {
  seen.push({ url: request.url ?? '', headers: request.headers });
  route(request, response);
});

beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
});
afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

function request(overrides: Partial<SignUrlRequest> = {}): SignUrlRequest {
  const model = resolveModel('max');
  return { url: model.url ?? '', model, attempt: 1, date: new Date(), ...overrides };
}

function json(status: number, body: unknown): Route {
  return (_request, response) => {
    response.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
  };
}

const SIGNED =
  'wss://spark-api.xf-yun.com/v3.5/chat?authorization=YXBpX2tleT0iYWJj&date=x&host=spark-api.xf-yun.com';

describe('createSignedUrlFetcher', () => {
  it('asks the endpoint for the model by id and returns the signed URL', async () => {
    route = json(200, { url: SIGNED, expiresAt: new Date().toISOString(), model: 'generalv3.5' });
    const fetchSigned = createSignedUrlFetcher({
      endpoint: `${base}/api/spark/sign`,
      headers: async () => ({ authorization: 'Bearer session-token' }),
    });
    expect(await fetchSigned(request())).toBe(SIGNED);
    const last = seen.at(-1)!;
    expect(last.url).toBe('/api/spark/sign?model=generalv3.5');
    expect(last.headers.authorization).toBe('Bearer session-token');
    expect(last.headers.accept).toBe('application/json');
  });

  it('appends the model to an endpoint that already has a query', async () => {
    route = json(200, { url: SIGNED });
    await createSignedUrlFetcher({ endpoint: `${base}/sign?tenant=a`, headers: { 'x-app': '1' } })(request());
    expect(seen.at(-1)!.url).toBe('/sign?tenant=a&model=generalv3.5');
    expect(seen.at(-1)!.headers['x-app']).toBe('1');
  });

  it.each([
    [400, SparkInvalidRequestError, false],
    [401, SparkAuthError, false],
    [403, SparkPermissionError, false],
    [404, SparkInvalidRequestError, false],
    [429, SparkRateLimitError, true],
    [503, SparkServerError, true],
  ])('turns an HTTP %i error answer into %O', async (status, ErrorClass, retryable) => {
    route = json(status, { error: { code: 'some_code', message: 'Said the endpoint.' } });
    const error = await createSignedUrlFetcher({ endpoint: `${base}/sign` })(request()).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ErrorClass);
    expect((error as SparkError).status).toBe(status);
    expect((error as SparkError).retryable).toBe(retryable);
    expect((error as Error).message).toContain(`HTTP ${status} some_code: Said the endpoint.`);
  });

  it('rejects an answer without a WebSocket URL as a protocol error', async () => {
    route = json(200, { url: 'https://example.com/not-a-socket' });
    await expect(createSignedUrlFetcher({ endpoint: `${base}/sign` })(request())).rejects.toBeInstanceOf(
      SparkProtocolError,
    );
    route = (_request, response) => response.writeHead(200).end('<html>not json</html>');
    await expect(createSignedUrlFetcher({ endpoint: `${base}/sign` })(request())).rejects.toBeInstanceOf(
      SparkProtocolError,
    );
  });

  it('reports an unreachable endpoint as a retryable connection error', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as { port: number }).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const error = await createSignedUrlFetcher({ endpoint: `http://127.0.0.1:${port}/sign` })(
      request(),
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SparkConnectionError);
    expect((error as SparkError).retryable).toBe(true);
  });

  it('rejects with SparkAbortError when the request signal aborts', async () => {
    const controller = new AbortController();
    // The endpoint never answers; the caller aborts once the request has reached it.
    route = () => controller.abort();
    const pending = createSignedUrlFetcher({ endpoint: `${base}/sign` })(
      request({ signal: controller.signal }),
    );
    await expect(pending).rejects.toBeInstanceOf(SparkAbortError);
  });

  it('uses the injected fetch', async () => {
    const calls: string[] = [];
    const fetchSigned = createSignedUrlFetcher({
      endpoint: '/api/spark/sign',
      fetch: async (input) => {
        calls.push(String(input));
        return new Response(JSON.stringify({ url: SIGNED }), { status: 200 });
      },
    });
    expect(await fetchSigned(request({ model: resolveModel('lite') }))).toBe(SIGNED);
    expect(calls).toEqual(['/api/spark/sign?model=lite']);
  });

  it('refuses to be created without an endpoint', () => {
    expect(() => createSignedUrlFetcher({ endpoint: '' })).toThrow(SparkConfigError);
  });
});
