import type { Agent, IncomingMessage } from 'node:http';
import type { Socket } from 'node:net';
import type { ConnectionOptions } from 'node:tls';
import {
  SparkAbortError,
  SparkConfigError,
  type SparkConnection,
  SparkConnectionError,
  SparkTimeoutError,
  type SparkTransport,
} from '@xinghuo/core';
import { errorFromHandshake, onAbort } from '@xinghuo/core/transport';
import WebSocket, { type ClientOptions } from 'ws';
import type { NodeNetworkOptions } from '../network-options';
import { connectThroughTunnel, openProxyTunnel } from '../proxy/proxy-tunnel';
import { proxyChooser } from '../proxy/proxy-url';
import { isCertificateFailure, refuseUnverifiedAgent } from '../tls/tls-policy';
import { readLimitedBody } from './read-limited-body';
import { wrapWebSocket } from './ws-connection';

/** Options of {@link createWsTransport}. A `proxy` and an `agent` do not go together. */
export interface WsTransportOptions extends NodeNetworkOptions {
  /**
   * An `http.Agent`/`https.Agent` for the upgrade request, e.g. `new https.Agent({ keepAlive })` or a
   * third-party proxy agent. An agent with `rejectUnauthorized: false` is refused: certificates are
   * always verified.
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
 * verified; an abort or a timeout destroys the socket (and the proxy tunnel). Error messages name the
 * host and the proxy's host, never the signed URL or proxy credentials.
 *
 * @example
 * ```ts
 * import { createSparkClient, createWsTransport, proxyFromEnv } from '@xinghuo/node';
 *
 * const client = createSparkClient({
 *   transport: createWsTransport({ proxy: 'http://proxy.corp:3128' }), // or proxy: proxyFromEnv()
 * });
 * ```
 */
export function createWsTransport(options: WsTransportOptions = {}): SparkTransport {
  refuseUnverifiedAgent(options.agent);
  if (options.proxy !== undefined && options.agent !== undefined) {
    throw new SparkConfigError('Pass either proxy or agent to the ws transport, not both.');
  }
  // Without a proxy the URL is not parsed here at all: `ws` parses it, and the host for messages is read
  // off the string. A signed URL is long; parsing it twice per request was measurable.
  const proxyFor = options.proxy === undefined ? undefined : proxyChooser(options.proxy);
  const handshakeTimeoutMs = options.handshakeTimeoutMs ?? DEFAULT_HANDSHAKE_TIMEOUT_MS;
  const closeTimeoutMs = options.closeTimeoutMs ?? DEFAULT_CLOSE_TIMEOUT_MS;
  // The same for every connection (`ws` copies what it is given), so built once.
  const socketOptions: ClientOptions = {
    ...(options.agent ? { agent: options.agent } : {}),
    ...(options.ca ? { ca: options.ca } : {}),
    ...(options.headers ? { headers: { ...options.headers } } : {}),
    maxPayload: options.maxPayload ?? DEFAULT_MAX_PAYLOAD,
    // Spark's gateway must present a valid certificate; never accept anything else.
    rejectUnauthorized: true,
    perMessageDeflate: false,
    followRedirects: false,
  };

  return (url, { signal } = {}) =>
    new Promise<SparkConnection>((resolve, reject) => {
      if (signal?.aborted) {
        reject(new SparkAbortError('The request was aborted before connecting.'));
        return;
      }
      let target: URL | undefined;
      let proxy: URL | undefined;
      if (proxyFor) {
        try {
          target = new URL(url);
        } catch {
          // The platform's message would quote the (signed) URL, so it is not passed on.
          reject(new SparkConfigError('The Spark URL is not a valid ws:// or wss:// URL.'));
          return;
        }
        try {
          proxy = proxyFor(target);
        } catch (error) {
          reject(error);
          return;
        }
      }
      const host = target?.host ?? hostOf(url);
      let socket: WebSocket | undefined;
      // Set while a proxy tunnel is being opened: an abort or a timeout cancels it.
      let cancelTunnel: (() => void) | undefined;

      let settled = false;
      const settle = (error: unknown, connection?: SparkConnection) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        stopListening();
        if (connection) resolve(connection);
        else reject(error);
      };
      const fail = (error: unknown) => {
        if (settled) return;
        socket?.terminate();
        cancelTunnel?.();
        settle(error);
      };

      const stopListening = onAbort(signal, () =>
        fail(new SparkAbortError('The request was aborted while connecting.')),
      );

      const timer = setTimeout(
        () =>
          fail(
            new SparkTimeoutError(
              `The WebSocket handshake with ${host}${proxy ? ` through the proxy ${proxy.host}` : ''} did not complete within ${handshakeTimeoutMs} ms.`,
              {
                phase: 'connect',
                timeoutMs: handshakeTimeoutMs,
              },
            ),
          ),
        handshakeTimeoutMs,
      );

      const open = (tunnel?: Socket) => {
        try {
          socket = new WebSocket(
            url,
            tunnel && target
              ? { ...socketOptions, createConnection: tunnelConnector(tunnel, target) }
              : socketOptions,
          );
        } catch {
          tunnel?.destroy();
          fail(new SparkConfigError('The Spark URL is not a valid ws:// or wss:// URL.'));
          return;
        }
        const opened = socket;
        const onUnexpectedResponse = (_request: unknown, response: IncomingMessage) => {
          const status = response.statusCode;
          const serverDate = response.headers.date;
          const retryAfter = response.headers['retry-after'];
          readLimitedBody(response).then((body) => {
            response.destroy();
            fail(errorFromHandshake({ status, body, serverDate, retryAfter, url }));
          });
        };
        const onHandshakeError = (error: Error & { code?: string }) => {
          // Node's network errors carry a code and a message without the URL (e.g. "connect ECONNREFUSED").
          const reason = error.code ?? error.message;
          const tlsHint = isCertificateFailure(reason)
            ? ' The server certificate did not verify (TLS verification is always on).'
            : '';
          fail(
            new SparkConnectionError(`Could not open a WebSocket to ${host} (${reason}).${tlsHint}`, {
              cause: error,
            }),
          );
        };
        opened.on('unexpected-response', onUnexpectedResponse);
        opened.on('error', onHandshakeError);
        opened.once('open', () => {
          if (settled) {
            opened.terminate();
            return;
          }
          // The connection listens for errors from here on. The handshake's listeners go: they hold
          // this whole closure (the signal, the promise's functions, the timer) for as long as the
          // socket lives otherwise.
          const connection = wrapWebSocket(opened, { host, closeTimeoutMs });
          opened.off('unexpected-response', onUnexpectedResponse);
          opened.off('error', onHandshakeError);
          settle(undefined, connection);
        });
      };

      if (!proxy || !target) {
        open();
        return;
      }
      const tunnelController = new AbortController();
      cancelTunnel = () => tunnelController.abort();
      openProxyTunnel(proxy, target, { signal: tunnelController.signal, ca: options.ca }).then((tunnel) => {
        if (settled) tunnel.destroy();
        else open(tunnel);
      }, fail);
    });
}

/**
 * The `host[:port]` of a `ws://`/`wss://` URL string, for messages, without parsing the whole URL (a
 * signed URL's query is most of it). An unparseable URL gives '' here and fails in `ws` with a typed error.
 */
function hostOf(url: string): string {
  const authority = /^[a-z][a-z\d+.-]*:\/\/([^/?#]*)/i.exec(url)?.[1] ?? '';
  // Credentials in a URL never belong in a message.
  return authority.slice(authority.lastIndexOf('@') + 1);
}

/** What `ws` calls for the upgrade request's connection: one over the open proxy tunnel. */
function tunnelConnector(tunnel: Socket, target: URL): ClientOptions['createConnection'] {
  // ws passes the request's options, TLS ones (`ca`) included.
  const connect = (request: ConnectionOptions) => connectThroughTunnel(tunnel, target, request);
  // ws types this as net.createConnection; it is only ever called with the request's options.
  return connect as unknown as ClientOptions['createConnection'];
}
