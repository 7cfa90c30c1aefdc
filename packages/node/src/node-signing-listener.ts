import type { IncomingMessage, ServerResponse } from 'node:http';
import { Readable } from 'node:stream';
import { SparkConfigError } from '@xinghuo/core';
import type { SigningRequestContext } from './guards/client-key';
import { errorResponse } from './guards/json-response';
import { nodeHmacSha256 } from './node-hmac';
import { createSigningHandler, type SigningHandlerOptions } from './signing/index';

/** A `node:http` request listener; also fits Express and Connect (`app.get(path, listener)`). */
export type NodeRequestListener = (request: IncomingMessage, response: ServerResponse) => void;

/** A Web-standard handler that an adapter can pass the peer address to. */
export type WebRequestHandler = (request: Request, context?: SigningRequestContext) => Promise<Response>;

/** Options of {@link toNodeHandler}. */
export interface NodeHandlerOptions {
  /**
   * Largest request body passed to the handler, in bytes (default 1 MiB). A larger one is refused with
   * 413 `payload_too_large`: at once when its `content-length` says so, else as soon as the limit is
   * passed (the handler's read of the body fails then, and its answer is replaced).
   */
  maxBodyBytes?: number | undefined;
}

/** Default bound of a request body: the handlers take small JSON (the relay's own default is 256 KiB). */
const DEFAULT_MAX_BODY_BYTES = 1024 * 1024;

/** The body limit of one request, and whether the body passed it. */
interface BodyLimit {
  maxBytes: number;
  exceeded: boolean;
}

/** The body as a Web stream that fails once more than `limit.maxBytes` bytes came in. */
function limitedBody(request: IncomingMessage, limit: BodyLimit): ReadableStream<Uint8Array> {
  let size = 0;
  return (Readable.toWeb(request) as ReadableStream<Uint8Array>).pipeThrough(
    new TransformStream<Uint8Array, Uint8Array>({
      transform(chunk, controller) {
        size += chunk.byteLength;
        if (size > limit.maxBytes) {
          limit.exceeded = true;
          controller.error(new RangeError(`The request body is larger than ${limit.maxBytes} bytes.`));
        } else {
          controller.enqueue(chunk);
        }
      },
    }),
  );
}

function toWebRequest(request: IncomingMessage, signal: AbortSignal, limit: BodyLimit): Request {
  // Express rewrites `url` under a mount path; `originalUrl` keeps the query the client sent.
  const path = (request as IncomingMessage & { originalUrl?: string }).originalUrl ?? request.url ?? '/';
  const encrypted = (request.socket as { encrypted?: boolean }).encrypted === true;
  const url = new URL(path, `${encrypted ? 'https' : 'http'}://${request.headers.host ?? 'localhost'}`);
  const headers = new Headers();
  for (const [name, value] of Object.entries(request.headers)) {
    if (Array.isArray(value)) for (const item of value) headers.append(name, item);
    else if (value !== undefined) headers.set(name, value);
  }
  const method = request.method ?? 'GET';
  if (method === 'GET' || method === 'HEAD') return new Request(url, { method, headers, signal });
  // The body streams in as the handler reads it, up to the limit (the relay stops at its own, too).
  const body = limitedBody(request, limit);
  return new Request(url, { method, headers, signal, body, duplex: 'half' } as RequestInit);
}

/** Writes a Web body to a Node response chunk by chunk, honouring backpressure; stops when the client leaves. */
async function writeBody(body: ReadableStream<Uint8Array>, response: ServerResponse): Promise<void> {
  const reader = body.getReader();
  const stop = () => {
    reader.cancel().catch(() => undefined);
  };
  response.once('close', stop);
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done || response.destroyed) break;
      if (!response.write(value)) {
        await new Promise<void>((resolve) => {
          const resume = () => {
            response.off('drain', resume);
            response.off('close', resume);
            resolve();
          };
          response.once('drain', resume);
          response.once('close', resume);
        });
      }
    }
    response.end();
  } catch {
    // The upstream stream broke mid-answer: cut the connection, so the client sees a truncated body.
    response.destroy();
  } finally {
    response.off('close', stop);
  }
}

/**
 * Adapts a Web-standard handler ({@link createSigningHandler}'s, {@link createRelayHandler}'s) to
 * `node:http`, Express and Connect. The TCP peer address is passed on as the default rate-limit
 * key; request and response bodies stream; when the client goes away, `request.signal` aborts.
 *
 * @example
 * ```ts
 * import { createServer } from 'node:http';
 * import { createSigningHandler, toNodeHandler } from '@xinghuo/node';
 *
 * const sign = toNodeHandler(createSigningHandler({ ...credentials, authorize: checkSession }));
 * createServer((request, response) => {
 *   if (request.url?.startsWith('/api/spark/sign')) sign(request, response);
 *   else response.writeHead(404).end();
 * }).listen(3000);
 * ```
 */
export function toNodeHandler(
  handler: WebRequestHandler,
  options: NodeHandlerOptions = {},
): NodeRequestListener {
  const maxBytes = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  if (!(Number.isSafeInteger(maxBytes) && maxBytes > 0)) {
    throw new SparkConfigError('toNodeHandler: `maxBodyBytes` must be a positive integer.');
  }
  // The peer learns the limit, and the connection is not reused: the rest of the body is never read.
  const tooLarge = () =>
    errorResponse(413, 'payload_too_large', 'The request body is too large.', { connection: 'close' });
  return (request, response) => {
    const gone = new AbortController();
    response.once('close', () => {
      if (!response.writableFinished) gone.abort();
    });
    const limit: BodyLimit = { maxBytes, exceeded: false };
    const respond = async () => {
      const declared = Number(request.headers['content-length'] ?? Number.NaN);
      let answer: Response | undefined;
      if (!(declared > maxBytes)) {
        try {
          answer = await handler(toWebRequest(request, gone.signal, limit), {
            remoteAddress: request.socket.remoteAddress,
          });
        } catch (error) {
          if (!limit.exceeded) throw error;
        }
      }
      // Whatever the handler made of a cut body (a parse error, a throw), the cause was its size.
      if (answer === undefined || limit.exceeded) {
        await answer?.body?.cancel().catch(() => undefined);
        answer = tooLarge();
      }
      const headers: Record<string, string> = {};
      answer.headers.forEach((value, name) => {
        headers[name] = value;
      });
      response.writeHead(answer.status, headers);
      if (answer.body) await writeBody(answer.body, response);
      else response.end();
    };
    respond().catch(() => {
      // The handler turns its own failures into JSON; this covers a malformed request (bad Host header).
      if (!response.headersSent)
        response.writeHead(400, { 'content-type': 'application/json; charset=utf-8' });
      response.end('{"error":{"code":"bad_request","message":"Malformed request."}}');
    });
  };
}

/**
 * `toNodeHandler(createSigningHandler(options))` in one call, signing with `node:crypto`
 * ({@link nodeHmacSha256}) unless `options.hmac` says otherwise.
 *
 * @example
 * ```ts
 * import express from 'express';
 * import { createNodeSigningListener } from '@xinghuo/node';
 *
 * const app = express();
 * // One listener for GET and OPTIONS, so both share one rate limiter.
 * app.all('/api/spark/sign', createNodeSigningListener({ ...credentials, authorize: checkSession }));
 * ```
 */
export function createNodeSigningListener(options: SigningHandlerOptions): NodeRequestListener {
  return toNodeHandler(createSigningHandler({ ...options, hmac: options.hmac ?? nodeHmacSha256 }));
}
