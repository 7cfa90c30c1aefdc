import { SparkConfigError } from '@xinghuo/core';

/** Picks the proxy for one WebSocket URL, or `undefined` to connect directly. */
export type ProxyResolver = (target: URL) => string | URL | undefined;

/**
 * Parses and checks a proxy URL: `http://` or `https://`, a host, optionally `user:password@`.
 *
 * @throws SparkConfigError for anything else (the message never repeats the URL: it may hold a password)
 */
export function parseProxyUrl(proxy: string | URL): URL {
  let url: URL | undefined;
  try {
    url = new URL(proxy);
  } catch {}
  if (!url?.hostname || (url.protocol !== 'http:' && url.protocol !== 'https:')) {
    throw new SparkConfigError(
      'The proxy is not a valid URL: it needs http:// or https:// and a host, e.g. http://proxy.example:3128.',
    );
  }
  return url;
}

/**
 * Turns the `proxy` option (a URL, a {@link ProxyResolver} or nothing) into one function from the
 * target URL to the checked proxy URL, or `undefined` for a direct connection.
 *
 * @throws SparkConfigError for a proxy URL that is not http(s) (at once for a fixed URL)
 */
export function proxyChooser(
  proxy: string | URL | ProxyResolver | undefined,
): (target: URL) => URL | undefined {
  if (proxy === undefined) return () => undefined;
  if (typeof proxy === 'function') {
    return (target) => {
      const chosen = proxy(target);
      return chosen === undefined ? undefined : parseProxyUrl(chosen);
    };
  }
  const parsed = parseProxyUrl(proxy);
  return () => parsed;
}

/** The URL's host name without IPv6 brackets, as sockets and TLS want it. */
export function bareHostname(url: URL): string {
  return url.hostname.replace(/^\[|\]$/g, '');
}

/** The URL's port, or its scheme's default (443 for `wss:`/`https:`, 80 otherwise). */
export function portOf(url: URL): number {
  return Number(url.port) || (url.protocol === 'wss:' || url.protocol === 'https:' ? 443 : 80);
}
