import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { isIP, type Socket } from 'node:net';
import { type ConnectionOptions, connect as tlsConnect } from 'node:tls';
import { SparkAbortError, SparkConnectionError } from '@xinghuo/core';
import { onAbort } from '@xinghuo/core/transport';
import { isCertificateFailure } from '../tls/tls-policy';
import { bareHostname, portOf } from './proxy-url';

/** Options of {@link openProxyTunnel}. */
export interface ProxyTunnelOptions {
  signal?: AbortSignal | undefined;
  /** Extra trusted CA certificates for an `https:` proxy. */
  ca?: ConnectionOptions['ca'] | undefined;
}

/**
 * Opens a TCP tunnel to `target` through an HTTP proxy (`CONNECT host:port`), the way browsers and
 * curl reach `wss://` hosts through a corporate proxy. Credentials in the proxy URL are sent as
 * `Proxy-Authorization: Basic`. Resolves with the raw socket; TLS to the target, if any, is the
 * caller's.
 *
 * Errors name the proxy's host, never its credentials: a refusal is a `SparkConnectionError` with the
 * proxy's HTTP status (407: the proxy wants credentials), an abort a `SparkAbortError`.
 */
export function openProxyTunnel(proxy: URL, target: URL, options: ProxyTunnelOptions = {}): Promise<Socket> {
  const { signal } = options;
  return new Promise<Socket>((resolve, reject) => {
    if (signal?.aborted) {
      reject(new SparkAbortError('The request was aborted before connecting.'));
      return;
    }
    // `host:port` of the URL the tunnel leads to (`[::1]:443` for an IPv6 address).
    const authority = `${target.hostname}:${portOf(target)}`;
    const headers: Record<string, string> = { host: authority };
    if (proxy.username || proxy.password) {
      const credentials = `${decodeURIComponent(proxy.username)}:${decodeURIComponent(proxy.password)}`;
      headers['proxy-authorization'] = `Basic ${Buffer.from(credentials).toString('base64')}`;
    }
    const secureProxy = proxy.protocol === 'https:';
    const connect = (secureProxy ? httpsRequest : httpRequest)({
      host: bareHostname(proxy),
      port: portOf(proxy),
      method: 'CONNECT',
      path: authority,
      headers,
      agent: false,
      ...(secureProxy ? { rejectUnauthorized: true, ...(options.ca ? { ca: options.ca } : {}) } : {}),
    });

    let settled = false;
    const settle = (error: unknown, socket?: Socket) => {
      if (settled) return;
      settled = true;
      stopListening();
      if (socket) resolve(socket);
      else {
        connect.destroy();
        reject(error);
      }
    };
    const stopListening = onAbort(signal, () =>
      settle(new SparkAbortError('The request was aborted while connecting.')),
    );

    // Node reports every answer to CONNECT here, a refusal (407, 403, 502…) included.
    connect.once('connect', (response, socket) => {
      if (settled) {
        socket.destroy();
        return;
      }
      if (response.statusCode !== 200) {
        socket.destroy();
        const status = response.statusCode ?? 0;
        const hint =
          status === 407 ? ' The proxy wants credentials: put them in the proxy URL (user:password@).' : '';
        settle(
          new SparkConnectionError(
            `The proxy ${proxy.host} refused the tunnel to ${bareHostname(target)} (HTTP ${status}).${hint}`,
            { status },
          ),
        );
        return;
      }
      settle(undefined, socket);
    });
    connect.once('error', (error: Error & { code?: string }) => {
      const reason = error.code ?? error.message;
      const tlsHint = isCertificateFailure(reason)
        ? " The proxy's certificate did not verify; for a company CA pass `ca`."
        : '';
      settle(
        new SparkConnectionError(`Could not reach the proxy ${proxy.host} (${reason}).${tlsHint}`, {
          cause: error,
        }),
      );
    });
    connect.end();
  });
}

/**
 * The connection for a request to `target` over an open tunnel: the tunnel itself for `ws:`/`http:`,
 * TLS inside it for `wss:`/`https:`, verified against the target's host name (with `tls`, e.g. `ca`).
 */
export function connectThroughTunnel(tunnel: Socket, target: URL, tls: ConnectionOptions = {}): Socket {
  if (target.protocol !== 'wss:' && target.protocol !== 'https:') return tunnel;
  const hostname = bareHostname(target);
  return tlsConnect({
    ...tls,
    socket: tunnel,
    // No path: with one, Node would take it for a local socket file.
    path: undefined,
    servername: isIP(hostname) ? '' : hostname,
    rejectUnauthorized: true,
  } as ConnectionOptions);
}
