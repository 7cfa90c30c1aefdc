/**
 * A `fetch` for the HTTP protocol that honours the proxy settings the WebSocket transport honours:
 * the Node fetch ({@link createNodeFetch}) with a proxy, kept under its earlier name for the CLI.
 */
import type { ConnectionOptions } from 'node:tls';
import type { SparkFetch } from '@xinghuo/core';
import { createNodeFetch } from '../http/node-fetch';
import type { ProxyResolver } from './proxy-url';

/**
 * Returns a {@link SparkFetch} that sends requests whose URL the `proxy` setting picks a proxy for
 * through that proxy's `CONNECT` tunnel (TLS to the target inside it, certificates verified), and
 * every other request directly over a keep-alive socket.
 *
 * @param proxy - a proxy URL, a {@link ProxyResolver} (e.g. `proxyFromEnv()`), or `undefined`
 * @param options - `ca`: extra trusted CA certificates for TLS to the target or an `https://` proxy
 * @throws SparkConfigError at once for a fixed proxy URL that is not http(s)
 */
export function createProxiedFetch(
  proxy: string | URL | ProxyResolver | undefined,
  options: { ca?: ConnectionOptions['ca'] | undefined } = {},
): SparkFetch {
  return createNodeFetch({ proxy, ca: options.ca });
}
