import type { IncomingMessage, ServerResponse } from 'node:http';
import { nodeHmacSha256 } from './node-hmac';
import { createSigningHandler, type SigningHandler, type SigningHandlerOptions } from './signing/index';

/** A `node:http` request listener; also fits Express and Connect (`app.get(path, listener)`). */
export type NodeRequestListener = (request: IncomingMessage, response: ServerResponse) => void;

function toWebRequest(request: IncomingMessage): Request {
  // Express rewrites `url` under a mount path; `originalUrl` keeps the query the client sent.
  const path = (request as IncomingMessage & { originalUrl?: string }).originalUrl ?? request.url ?? '/';
  const encrypted = (request.socket as { encrypted?: boolean }).encrypted === true;
  const url = new URL(path, `${encrypted ? 'https' : 'http'}://${request.headers.host ?? 'localhost'}`);
  const headers = new Headers();
  for (const [name, value] of Object.entries(request.headers)) {
    if (Array.isArray(value)) for (const item of value) headers.append(name, item);
    else if (value !== undefined) headers.set(name, value);
  }
  // The signing handler answers GET and OPTIONS only, so the body is never read.
  return new Request(url, { method: request.method ?? 'GET', headers });
}

/**
 * Adapts a Web-standard handler (such as {@link createSigningHandler}'s) to `node:http`, Express
 * and Connect. The TCP peer address is passed on as the default rate-limit key.
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
export function toNodeHandler(handler: SigningHandler): NodeRequestListener {
  return (request, response) => {
    const respond = async () => {
      const answer = await handler(toWebRequest(request), { remoteAddress: request.socket.remoteAddress });
      const headers: Record<string, string> = {};
      answer.headers.forEach((value, name) => {
        headers[name] = value;
      });
      response.writeHead(answer.status, headers);
      response.end(answer.body ? Buffer.from(await answer.arrayBuffer()) : undefined);
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
