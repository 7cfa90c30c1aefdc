import { SparkConfigError } from '@xinghuo/core';

/** Host names a handler answers under: `host` (any port), `host:port`, `.domain` (it and its subdomains), or `'*'`. */
export type TrustedHosts = readonly string[] | '*';

/** Decides whether a request URL's host is one the app serves the handler under. */
export type HostCheck = (requestUrl: URL) => boolean;

const IPV4_LOOPBACK = /^127(\.\d{1,3}){3}$/;
// ::ffff:127.x.y.z as the URL parser writes it: [::ffff:7fxx:yyzz].
const MAPPED_IPV4_LOOPBACK = /^\[::ffff:7f[0-9a-f]{2}:[0-9a-f]{1,4}\]$/;

/** Whether a URL host name (as `URL#hostname` spells it) always means this machine. */
export function isLoopbackHostname(hostname: string): boolean {
  return (
    hostname === 'localhost' ||
    hostname.endsWith('.localhost') ||
    hostname === '[::1]' ||
    IPV4_LOOPBACK.test(hostname) ||
    MAPPED_IPV4_LOOPBACK.test(hostname)
  );
}

function parseEntry(
  entry: string,
  handlerName: string,
): { hostname: string; port: string | undefined; subdomains: boolean } {
  const subdomains = entry.startsWith('.');
  let url: URL | undefined;
  try {
    url = new URL(`http://${subdomains ? entry.slice(1) : entry}`);
  } catch {
    url = undefined;
  }
  // Round-trip check: `https://x`, `x/path`, `user@x` and empty entries do not come back as they went in.
  const expected = (subdomains ? entry.slice(1) : entry).toLowerCase().replace(/:80$/, '');
  if (!url || entry === '' || url.host !== expected) {
    throw new SparkConfigError(
      `${handlerName}: \`trustedHosts\` entries are host names such as "app.example.com", ` +
        `"localhost:3000" or ".example.com", got "${entry}".`,
    );
  }
  return { hostname: url.hostname, port: /:\d+$/.test(entry) ? url.port || '80' : undefined, subdomains };
}

/** Which `Host` a handler answers under, and whether that host vouches for a same-origin `Origin`. */
export interface HostPolicy {
  /** Whether the request URL's host is one the app serves the handler under. */
  allows: HostCheck;
  /**
   * Whether a page on the request's own (allowed) host counts as an allowed origin: only when the app
   * named its hosts, or for a `public` handler on loopback names. With `'*'`, or with `authorize` and
   * no hosts named, the Host header is whatever the caller wrote and proves nothing.
   */
  sameOriginCounts: boolean;
}

/**
 * Builds the host policy. Without `trustedHosts` a public handler answers only under loopback names
 * (it is for local development, and a page whose domain was rebound to 127.0.0.1 must not get signed
 * URLs); a handler with `authorize` answers under any host, since a rebound page does not carry the
 * app's session.
 */
export function createHostPolicy(
  trustedHosts: TrustedHosts | undefined,
  isPublic: boolean,
  handlerName = 'createSigningHandler',
): HostPolicy {
  if (trustedHosts === '*') return { allows: () => true, sameOriginCounts: false };
  if (trustedHosts === undefined) {
    return isPublic
      ? { allows: (url) => isLoopbackHostname(url.hostname), sameOriginCounts: true }
      : { allows: () => true, sameOriginCounts: false };
  }
  if (!Array.isArray(trustedHosts)) {
    throw new SparkConfigError(`${handlerName}: \`trustedHosts\` is an array of host names, or "*".`);
  }
  const entries = trustedHosts.map((entry: unknown) => parseEntry(String(entry), handlerName));
  const allows: HostCheck = (url) => {
    const port = url.port || (url.protocol === 'https:' ? '443' : '80');
    return entries.some(
      (entry) =>
        (entry.subdomains
          ? url.hostname === entry.hostname || url.hostname.endsWith(`.${entry.hostname}`)
          : url.hostname === entry.hostname) &&
        (entry.port === undefined || entry.port === port),
    );
  };
  return { allows, sameOriginCounts: true };
}
