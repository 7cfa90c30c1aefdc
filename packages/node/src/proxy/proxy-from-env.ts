import { bareHostname, type ProxyResolver, portOf } from './proxy-url';

export type { ProxyResolver } from './proxy-url';

/** The variables {@link proxyFromEnv} reads, in either case (lower case wins, as in curl). */
export type ProxyEnvironment = Readonly<Record<string, string | undefined>>;

/**
 * A {@link ProxyResolver} that follows the usual proxy environment variables:
 *
 * - `wss://` URLs use `HTTPS_PROXY`, `ws://` URLs `HTTP_PROXY`, both fall back to `ALL_PROXY`;
 *   a value without a scheme means `http://` (`proxy.corp:3128`).
 * - `NO_PROXY` lists hosts to reach directly, separated by commas or spaces: `example.com` (and its
 *   subdomains), `.example.com` or `*.example.com` (subdomains), `host:port`, an IP address, or `*`.
 * - Loopback hosts (`localhost`, `127.x.x.x`, `::1`) are always reached directly: a proxy cannot
 *   reach this machine's loopback.
 *
 * @param env - where to read the variables; default `process.env`
 * @example
 * ```ts
 * import { createSparkClient, proxyFromEnv } from '@xinghuo/node';
 *
 * const client = createSparkClient({ ws: { proxy: proxyFromEnv() } });
 * ```
 */
export function proxyFromEnv(env: ProxyEnvironment = process.env): ProxyResolver {
  const read = (name: string) => env[name.toLowerCase()] || env[name.toUpperCase()] || undefined;
  const bypass = (read('no_proxy') ?? '')
    .split(/[\s,]+/)
    .map((entry) => entry.trim().toLowerCase())
    .filter(Boolean);
  return (target) => {
    const secure = target.protocol === 'wss:' || target.protocol === 'https:';
    const proxy = read(secure ? 'https_proxy' : 'http_proxy') ?? read('all_proxy');
    if (!proxy || isLoopback(target) || isBypassed(target, bypass)) return undefined;
    return /^[a-z][a-z\d+.-]*:\/\//i.test(proxy) ? proxy : `http://${proxy}`;
  };
}

function isBypassed(target: URL, entries: readonly string[]): boolean {
  const hostname = bareHostname(target).toLowerCase();
  const port = String(portOf(target));
  return entries.some((entry) => {
    if (entry === '*') return true;
    // `host:port` (an IPv6 address in brackets may carry a port too: `[::1]:443`).
    const match = /^(\[[^\]]+\]|[^:]+):(\d+)$/.exec(entry);
    const [entryHost, entryPort] = match ? [match[1] ?? '', match[2]] : [entry, undefined];
    if (entryPort !== undefined && entryPort !== port) return false;
    const bare = entryHost.replace(/^\[|\]$/g, '').replace(/^\*?\./, '');
    if (bare === '') return false;
    const subdomainsOnly = entryHost.startsWith('.') || entryHost.startsWith('*.');
    return (!subdomainsOnly && hostname === bare) || hostname.endsWith(`.${bare}`);
  });
}

function isLoopback(target: URL): boolean {
  const host = bareHostname(target).toLowerCase();
  return (
    host === 'localhost' ||
    host.endsWith('.localhost') ||
    /^127(\.\d{1,3}){3}$/.test(host) ||
    host === '::1' ||
    host === '0:0:0:0:0:0:0:1'
  );
}
