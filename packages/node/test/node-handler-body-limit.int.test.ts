/**
 * `toNodeHandler`'s request-body limit over real sockets: a declared `content-length` above it is refused
 * before the handler runs, a chunked body is cut as soon as it passes it, and either way the peer gets
 * 413 `payload_too_large`, whatever the handler made of the cut body.
 */
import { createServer, request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SparkConfigError } from '@xinghuo/core';
import { afterEach, describe, expect, it } from 'vitest';
import { type NodeHandlerOptions, toNodeHandler } from '../src/index';

let server: Server | undefined;
/** What the handler read of each body: its length, or the error of the read. */
const reads: string[] = [];
afterEach(async () => {
  server?.closeAllConnections();
  await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)));
  server = undefined;
  reads.length = 0;
});

/** A handler that reads the whole body and answers with its length; a failed read becomes a 400. */
async function echoLength(request: Request): Promise<Response> {
  if (request.method === 'GET') return new Response('no body');
  try {
    const text = await request.text();
    reads.push(`read ${text.length}`);
    return Response.json({ length: text.length });
  } catch {
    reads.push('read failed');
    return Response.json({ error: 'unreadable' }, { status: 400 });
  }
}

async function serve(options?: NodeHandlerOptions): Promise<number> {
  const listener = toNodeHandler(echoLength, options);
  server = createServer(listener);
  await new Promise<void>((resolve) => server?.listen(0, '127.0.0.1', resolve));
  return (server.address() as AddressInfo).port;
}

/** Sends `pieces` as a request body (chunked unless `content-length` is given); resolves with the answer. */
function send(
  port: number,
  pieces: string[],
  headers: Record<string, string> = {},
  method = 'POST',
): Promise<{ status: number; body: string; connection: string | undefined }> {
  return new Promise((resolve, reject) => {
    const outgoing = httpRequest({ host: '127.0.0.1', port, method, path: '/', headers }, (response) => {
      let body = '';
      response.on('data', (chunk: Buffer) => {
        body += chunk.toString('utf8');
      });
      response.on('end', () =>
        resolve({ status: response.statusCode ?? 0, body, connection: response.headers.connection }),
      );
    });
    // The server may answer and close before the whole body went out: that is the point.
    outgoing.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code !== 'EPIPE' && error.code !== 'ECONNRESET') reject(error);
    });
    for (const piece of pieces) outgoing.write(piece);
    outgoing.end();
  });
}

describe('toNodeHandler request-body limit', () => {
  it('passes a body within the limit to the handler whole', async () => {
    const port = await serve({ maxBodyBytes: 1024 });
    const answer = await send(port, ['x'.repeat(600), 'y'.repeat(424)]);
    expect(answer.status).toBe(200);
    expect(JSON.parse(answer.body)).toEqual({ length: 1024 });
    expect(reads).toEqual(['read 1024']);
  });

  it('refuses a declared content-length above the limit before the handler runs', async () => {
    const port = await serve({ maxBodyBytes: 1024 });
    const body = 'z'.repeat(2048);
    const answer = await send(port, [body], { 'content-length': String(body.length) });
    expect(answer.status).toBe(413);
    expect(JSON.parse(answer.body)).toEqual({
      error: { code: 'payload_too_large', message: 'The request body is too large.' },
    });
    expect(answer.connection).toBe('close');
    expect(reads).toEqual([]);
  });

  it('cuts a chunked body at the limit and answers 413 whatever the handler made of it', async () => {
    const port = await serve({ maxBodyBytes: 1024 });
    const answer = await send(
      port,
      Array.from({ length: 8 }, () => 'w'.repeat(256)),
    );
    expect(answer.status).toBe(413);
    expect(JSON.parse(answer.body).error.code).toBe('payload_too_large');
    expect(reads).toEqual(['read failed']);
  });

  it('has a default limit of 1 MiB', async () => {
    const port = await serve();
    const within = await send(port, ['a'.repeat(1024 * 1024)]);
    expect(JSON.parse(within.body)).toEqual({ length: 1024 * 1024 });
    const over = await send(port, ['a'.repeat(1024 * 1024), 'b']);
    expect(over.status).toBe(413);
  });

  it('leaves requests without a body alone', async () => {
    const port = await serve({ maxBodyBytes: 1 });
    const answer = await send(port, [], {}, 'GET');
    expect(answer).toMatchObject({ status: 200, body: 'no body' });
  });

  it('refuses a limit that is not a positive integer', () => {
    for (const maxBodyBytes of [0, -1, 1.5, Number.NaN]) {
      expect(() => toNodeHandler(echoLength, { maxBodyBytes })).toThrow(SparkConfigError);
    }
  });
});
