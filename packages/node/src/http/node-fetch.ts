/**
 * The `fetch` the Node client gives the HTTP protocol: `node:http`/`node:https` with a keep-alive
 * agent, optionally through a proxy's `CONNECT` tunnel.
 *
 * Why not the global `fetch`: cost. Node's `fetch` (undici) builds Web-standard request and response
 * objects and Web streams per request, and registers every request that carries an `AbortSignal` (the
 * protocol must pass one: the connect deadline and `abort()` stop a request whose response head never
 * comes) with a `WeakRef` and a `FinalizationRegistry`. An SDK request over HTTP cost about 1.6× the CPU
 * of this one against a loopback server, most of it undici's machinery rather than the signal. Node
 * 20's `fetch` cannot use a proxy either. This one implements just what the protocol uses of `fetch`.
 */
import {
  type ClientRequest,
  Agent as HttpAgent,
  request as httpRequest,
  type IncomingMessage,
} from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';
import type { Socket } from 'node:net';
import type { SparkFetch } from '@xinghuo/core';
import { onAbort } from '@xinghuo/core/transport';
import type { NodeNetworkOptions } from '../network-options';
import { connectThroughTunnel, openProxyTunnel } from '../proxy/proxy-tunnel';
import { proxyChooser } from '../proxy/proxy-url';
import { refuseUnverifiedAgent } from '../tls/tls-policy';
import { responseBody } from './response-body';

/** Options of {@link createNodeFetch}: the {@link NodeNetworkOptions} and an agent. */
export interface NodeFetchOptions extends NodeNetworkOptions {
  /**
   * An `http.Agent` or `https.Agent` for the requests whose scheme it serves (requests of the other
   * scheme use the default agent). Default: a keep-alive agent per scheme, one per fetch. An agent
   * with `rejectUnauthorized: false` is refused: certificates are always verified.
   */
  agent?: HttpAgent | undefined;
}

/** Statuses whose response has no body (a `Response` with one would throw). */
const NO_BODY = new Set([204, 205, 304]);

/** How long an idle keep-alive socket is kept: under the 5 s a Node server keeps it, as undici does. */
const IDLE_SOCKET_MS = 4_000;

/**
 * The request headers as a plain object with lower-case names, asking for an uncompressed answer:
 * this fetch does not decompress (an event stream is small, arrives in small pieces, and a compressing
 * proxy would hold it back), so it says so instead of surprising the reader with gzip bytes.
 */
function requestHeaders(headers: RequestInit['headers']): Record<string, string> {
  const plain: Record<string, string> = { 'accept-encoding': 'identity' };
  if (headers === undefined) return plain;
  const entries =
    headers instanceof Headers || Array.isArray(headers)
      ? new Headers(headers).entries()
      : Object.entries(headers);
  for (const [name, value] of entries) {
    plain[name.toLowerCase()] = typeof value === 'string' ? value : value.join(', ');
  }
  return plain;
}

function requestBody(body: RequestInit['body']): string | Uint8Array | undefined {
  if (body === undefined || body === null) return undefined;
  if (typeof body === 'string' || body instanceof Uint8Array) return body;
  // The HTTP protocol sends a JSON string; anything else is a programming error here.
  throw new TypeError('The Node fetch sends string or byte bodies only.');
}

/** Every response header, repeated ones appended (`set-cookie` included), as fetch's `Headers` hold them. */
function responseHeaders(message: IncomingMessage): Headers {
  const headers = new Headers();
  const raw = message.rawHeaders;
  for (let index = 0; index + 1 < raw.length; index += 2) headers.append(raw[index]!, raw[index + 1]!);
  return headers;
}

/** fetch's rejection for a request that failed before its answer: `TypeError: fetch failed` with the cause. */
function fetchFailed(cause: unknown): TypeError {
  return new TypeError('fetch failed', { cause });
}

/** What an aborted signal rejects with: its reason, as fetch does. */
function abortReason(signal: AbortSignal): unknown {
  return signal.reason ?? new DOMException('This operation was aborted', 'AbortError');
}

/**
 * Returns a {@link SparkFetch} on `node:http`/`node:https`: what `createSparkClient` of `@xinghuo/node`
 * uses for the HTTP protocol unless it is given a `fetch`.
 *
 * It sends the method, headers and string body; the `Response` has the status, status text, every
 * header and the body streamed with backpressure. The `signal` aborts at any stage: before the answer's
 * head the request is destroyed and the promise rejects with the signal's reason; during the body the
 * stream errors with it. A body the reader cancels closes its socket. Failures before the answer
 * reject with `TypeError: fetch failed` and the network error as `cause`, as the global `fetch` does;
 * they name the host, never a header. Answers are not decompressed (`accept-encoding: identity` is
 * sent). Without a proxy, sockets are kept alive and reused (idle ones do not keep the process alive).
 *
 * @throws SparkConfigError at once for a fixed proxy URL that is not http(s), or an agent that turns
 * certificate verification off
 * @example
 * ```ts
 * import { createNodeFetch, createSparkClient } from '@xinghuo/node';
 *
 * const client = createSparkClient({ protocol: 'http', fetch: createNodeFetch({ ca: companyCa }) });
 * ```
 */
export function createNodeFetch(options: NodeFetchOptions = {}): SparkFetch {
  refuseUnverifiedAgent(options.agent);
  const tls = options.ca === undefined ? {} : { ca: options.ca };
  // Per https request, built once: they apply to a given agent's sockets too, and to a tunnel's.
  const secureOptions = { rejectUnauthorized: true, ...tls };
  const choose = options.proxy === undefined ? undefined : proxyChooser(options.proxy);
  // Made on first use: a client that only speaks WebSocket never creates them.
  let httpAgent: HttpAgent | undefined;
  let httpsAgent: HttpsAgent | undefined;
  const agentFor = (secure: boolean): HttpAgent => {
    const given = options.agent;
    if (given && (given as { protocol?: string }).protocol === (secure ? 'https:' : 'http:')) return given;
    if (secure) {
      httpsAgent ??= new HttpsAgent({ keepAlive: true, timeout: IDLE_SOCKET_MS });
      return httpsAgent;
    }
    httpAgent ??= new HttpAgent({ keepAlive: true, timeout: IDLE_SOCKET_MS });
    return httpAgent;
  };

  return async (input, init) => {
    const target = new URL(input);
    const signal = init.signal ?? undefined;
    if (signal?.aborted) throw abortReason(signal);
    const body = requestBody(init.body);
    const proxy = choose?.(target);
    // Through a proxy: a tunnel of its own (its errors are already typed and name only the proxy's host).
    const tunnel = proxy === undefined ? undefined : await openProxyTunnel(proxy, target, { signal, ...tls });
    return send(
      target,
      { method: init.method ?? 'GET', headers: requestHeaders(init.headers), body, signal },
      tunnel,
    );
  };

  function send(
    target: URL,
    init: {
      method: string;
      headers: Record<string, string>;
      body: string | Uint8Array | undefined;
      signal: AbortSignal | undefined;
    },
    tunnel: Socket | undefined,
  ): Promise<Response> {
    const secure = target.protocol === 'https:';
    const { signal } = init;
    return new Promise<Response>((resolve, reject) => {
      if (signal?.aborted) {
        tunnel?.destroy();
        reject(abortReason(signal));
        return;
      }
      let request: ClientRequest;
      try {
        request = (secure ? httpsRequest : httpRequest)(target, {
          method: init.method,
          headers: init.headers,
          ...(tunnel
            ? { agent: false, createConnection: () => connectThroughTunnel(tunnel, target, tls) }
            : { agent: agentFor(secure) }),
          ...(secure ? secureOptions : {}),
        });
      } catch (error) {
        // Refused before sending, e.g. a header value with a line break (Node names the header, not
        // its value): fetch's rejection, and the tunnel goes with the request.
        tunnel?.destroy();
        reject(fetchFailed(error));
        return;
      }
      // One listener for the request's whole life: before the head it destroys the request, during the
      // body it fails the body (`abortBody`), and it is removed when the answer closes.
      let abortBody: ((reason: unknown) => void) | undefined;
      const stopListening = onAbort(signal, () => {
        const reason = abortReason(signal as AbortSignal);
        if (abortBody) abortBody(reason);
        else {
          request.destroy();
          reject(reason);
        }
      });

      request.once('response', (message) => {
        // One tunnel per request: it ends with the answer, however the answer ends.
        const closed = tunnel
          ? () => {
              stopListening();
              tunnel.destroy();
            }
          : stopListening;
        const status = message.statusCode ?? 0;
        let stream: ReadableStream<Uint8Array> | null = null;
        if (NO_BODY.has(status) || init.method === 'HEAD') {
          message.once('close', closed);
          message.resume();
        } else {
          const answer = responseBody(message, closed);
          stream = answer.body;
          abortBody = answer.abort;
        }
        try {
          resolve(
            new Response(stream, {
              status,
              statusText: message.statusMessage ?? '',
              headers: responseHeaders(message),
            }),
          );
        } catch (error) {
          // A head `Response` refuses (say, a status outside 200–599) rejects as fetch's would, instead of
          // being thrown out of this event listener.
          message.destroy();
          reject(fetchFailed(error));
        }
      });
      // Before the answer: fetch's rejection. After it, the body reports failures (this is a no-op then).
      request.on('error', (error) => {
        if (abortBody) return;
        stopListening();
        tunnel?.destroy();
        reject(signal?.aborted ? abortReason(signal) : fetchFailed(error));
      });
      request.end(init.body);
    });
  }
}
