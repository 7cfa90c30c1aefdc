/**
 * A `fetch` for the HTTP protocol that honours the proxy settings the WebSocket transport honours.
 * Node 20's global `fetch` cannot use a proxy (that takes undici's `ProxyAgent`, another dependency);
 * this one sends each proxied request with `node:http(s)` through the same `CONNECT` tunnel the
 * WebSocket transport and `xinghuo doctor` use, and leaves unproxied requests to the global `fetch`.
 */
import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { Readable } from 'node:stream';
import type { ConnectionOptions } from 'node:tls';
import type { SparkFetch } from '@xinghuo/core';
import { connectThroughTunnel, openProxyTunnel } from './proxy-tunnel';
import { type ProxyResolver, proxyChooser } from './proxy-url';

/** Statuses whose response has no body (a `Response` with one would throw). */
const NO_BODY = new Set([101, 204, 205, 304]);

function responseHeaders(response: IncomingMessage): Headers {
  const headers = new Headers();
  const raw = response.rawHeaders;
  for (let index = 0; index + 1 < raw.length; index += 2) headers.append(raw[index]!, raw[index + 1]!);
  return headers;
}

function requestBody(body: RequestInit['body']): string | Uint8Array | undefined {
  if (body === undefined || body === null) return undefined;
  if (typeof body === 'string' || body instanceof Uint8Array) return body;
  // The HTTP protocol sends a JSON string; anything else is a programming error here.
  throw new TypeError('The proxied fetch sends string or byte bodies only.');
}

/**
 * Returns a {@link SparkFetch} that sends requests whose URL the `proxy` setting picks a proxy for
 * through that proxy's `CONNECT` tunnel (TLS to the target inside it, certificates verified), and
 * every other request with the global `fetch`.
 *
 * @param proxy - a proxy URL, a {@link ProxyResolver} (e.g. `proxyFromEnv()`), or `undefined`
 * @param options - `ca`: extra trusted CA certificates for TLS to the target or an `https://` proxy
 * @throws SparkConfigError at once for a fixed proxy URL that is not http(s)
 */
export function createProxiedFetch(
  proxy: string | URL | ProxyResolver | undefined,
  options: { ca?: ConnectionOptions['ca'] | undefined } = {},
): SparkFetch {
  const tls = options.ca === undefined ? {} : { ca: options.ca };
  const choose = proxyChooser(proxy);
  return async (input, init) => {
    const target = new URL(input);
    const proxyUrl = choose(target);
    if (proxyUrl === undefined) return fetch(input, init);
    const signal = init.signal ?? undefined;
    const tunnel = await openProxyTunnel(proxyUrl, target, { signal, ...tls });
    const body = requestBody(init.body);
    return new Promise<Response>((resolve, reject) => {
      const request = (target.protocol === 'https:' ? httpsRequest : httpRequest)(
        target,
        {
          method: init.method ?? 'GET',
          headers: Object.fromEntries(new Headers(init.headers).entries()),
          agent: false,
          createConnection: () => connectThroughTunnel(tunnel, target, tls),
          ...(signal ? { signal } : {}),
        },
        (response) => {
          // One tunnel per request: it ends with the response, however the response ends (read to the
          // end, cancelled by the reader, or aborted), so no tunnel outlives its answer.
          response.once('close', () => tunnel.destroy());
          const status = response.statusCode ?? 0;
          const stream = NO_BODY.has(status)
            ? null
            : (Readable.toWeb(response) as unknown as ReadableStream<Uint8Array>);
          if (stream === null) response.resume();
          resolve(
            new Response(stream, {
              status,
              statusText: response.statusMessage ?? '',
              headers: responseHeaders(response),
            }),
          );
        },
      );
      request.once('error', (error) => {
        tunnel.destroy();
        reject(error);
      });
      request.end(body);
    });
  };
}
