import type { Agent } from 'node:http';
import {
  errorFromHandshake,
  SparkAbortError,
  SparkConfigError,
  type SparkConnection,
  SparkConnectionError,
  SparkTimeoutError,
  type SparkTransport,
} from '@xinghuo/core';
import WebSocket from 'ws';
import { readLimitedBody } from './read-limited-body';
import { wrapWebSocket } from './ws-connection';

/** Options of {@link createWsTransport}. */
export interface WsTransportOptions {
  /**
   * An `http.Agent`/`https.Agent` for the upgrade request, e.g. a proxy agent
   * (`new HttpsProxyAgent(process.env.HTTPS_PROXY)`) or `new https.Agent({ ca })` for a private CA.
   * An agent with `rejectUnauthorized: false` is refused: certificates are always verified.
   */
  agent?: Agent | undefined;
  /** Gives up on a handshake that has not completed after this many ms (default 30 000). */
  handshakeTimeoutMs?: number | undefined;
  /** Largest accepted frame in bytes (default 16 MiB); a larger frame fails the connection. */
  maxPayload?: number | undefined;
  /** How long `close()` waits for the closing handshake before it destroys the socket (default 1 000 ms). */
  closeTimeoutMs?: number | undefined;
  /** Extra headers for the upgrade request (e.g. a `User-Agent`). */
  headers?: Readonly<Record<string, string>> | undefined;
}

const DEFAULT_HANDSHAKE_TIMEOUT_MS = 30_000;
const DEFAULT_MAX_PAYLOAD = 16 * 1024 * 1024;
const DEFAULT_CLOSE_TIMEOUT_MS = 1_000;

/**
 * The Node.js transport: one `ws` WebSocket per request.
 *
 * A refused handshake is reported with its HTTP status, body and `Date` header (so a 401 names the
 * gateway's reason and a 403 teaches the client the server's clock); TLS certificates are always
 * verified; an abort or a timeout destroys the socket. Error messages name the host, never the
 * signed URL.
 *
 * @example
 * ```ts
 * import { createSparkClient, createWsTransport } from '@xinghuo/node';
 * import { HttpsProxyAgent } from 'https-proxy-agent';
 *
 * const client = createSparkClient({
 *   transport: createWsTransport({ agent: new HttpsProxyAgent('http://proxy.local:3128') }),
 * });
 * ```
 */
export function createWsTransport(options: WsTransportOptions = {}): SparkTransport {
  // Node merges an agent's own options over the request's, so a lax agent would silently win.
  if (
    (options.agent as { options?: { rejectUnauthorized?: boolean } } | undefined)?.options
      ?.rejectUnauthorized === false
  ) {
    throw new SparkConfigError(
      'The agent turns TLS certificate verification off (rejectUnauthorized: false); xinghuo always verifies. ' +
        "For a private CA pass the agent's `ca` option instead.",
    );
  }
  const handshakeTimeoutMs = options.handshakeTimeoutMs ?? DEFAULT_HANDSHAKE_TIMEOUT_MS;
  const closeTimeoutMs = options.closeTimeoutMs ?? DEFAULT_CLOSE_TIMEOUT_MS;

  return (url, { signal } = {}) =>
    new Promise<SparkConnection>((resolve, reject) => {
      if (signal?.aborted) {
        reject(new SparkAbortError('The request was aborted before connecting.'));
        return;
      }
      let host: string;
      let socket: WebSocket;
      try {
        host = new URL(url).host;
        socket = new WebSocket(url, {
          ...(options.agent ? { agent: options.agent } : {}),
          ...(options.headers ? { headers: { ...options.headers } } : {}),
          maxPayload: options.maxPayload ?? DEFAULT_MAX_PAYLOAD,
          // Spark's gateway must present a valid certificate; never accept anything else.
          rejectUnauthorized: true,
          perMessageDeflate: false,
          followRedirects: false,
        });
      } catch {
        // The platform's message would quote the (signed) URL, so it is not passed on.
        reject(new SparkConfigError('The Spark URL is not a valid ws:// or wss:// URL.'));
        return;
      }

      let settled = false;
      const settle = (error: unknown, connection?: SparkConnection) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        signal?.removeEventListener('abort', onAbort);
        if (connection) resolve(connection);
        else reject(error);
      };
      const fail = (error: unknown) => {
        if (settled) return;
        socket.terminate();
        settle(error);
      };

      const onAbort = () => fail(new SparkAbortError('The request was aborted while connecting.'));
      signal?.addEventListener('abort', onAbort, { once: true });

      const timer = setTimeout(
        () =>
          fail(
            new SparkTimeoutError(
              `The WebSocket handshake with ${host} did not complete within ${handshakeTimeoutMs} ms.`,
              {
                phase: 'connect',
                timeoutMs: handshakeTimeoutMs,
              },
            ),
          ),
        handshakeTimeoutMs,
      );

      socket.on('unexpected-response', (_request, response) => {
        const status = response.statusCode;
        const serverDate = response.headers.date;
        readLimitedBody(response).then((body) => {
          response.destroy();
          fail(errorFromHandshake({ status, body, serverDate }));
        });
      });

      socket.on('error', (error: Error & { code?: string }) => {
        // Node's network errors carry a code and a message without the URL (e.g. "connect ECONNREFUSED").
        const reason = error.code ?? error.message;
        const tlsHint = /CERT|SSL|TLS|self.signed/i.test(reason)
          ? ' The server certificate did not verify (TLS verification is always on).'
          : '';
        fail(
          new SparkConnectionError(`Could not open a WebSocket to ${host} (${reason}).${tlsHint}`, {
            cause: error,
          }),
        );
      });

      socket.once('open', () => {
        if (settled) {
          socket.terminate();
          return;
        }
        settle(undefined, wrapWebSocket(socket, { host, closeTimeoutMs }));
      });
    });
}
