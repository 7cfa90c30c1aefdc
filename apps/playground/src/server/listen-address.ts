import { BlockList, isIP } from 'node:net';
import type { PlaygroundEnvironment } from './spark-mode';

/** Where the server listens. */
export interface ListenAddress {
  port: number;
  host: string;
}

/** The playground's usual port, the same as Vite's, so the URL people know just works. */
export const DEFAULT_PORT = 5173;

/** Loopback only by default: the server hands out signed URLs, so it should not face the network unasked. */
export const DEFAULT_HOST = '127.0.0.1';

/** Reads `PORT` (0 picks a free port) and `HOST`; a malformed `PORT` is an error, not a silent default. */
export function listenAddressFromEnv(env: PlaygroundEnvironment): ListenAddress {
  const rawPort = env.PORT?.trim();
  let port = DEFAULT_PORT;
  if (rawPort) {
    port = Number(rawPort);
    if (!Number.isInteger(port) || port < 0 || port > 65_535) {
      throw new Error(`PORT must be an integer from 0 to 65535, got "${rawPort}".`);
    }
  }
  return { port, host: env.HOST?.trim() || DEFAULT_HOST };
}

/**
 * Loopback addresses as parsed addresses, not strings: `::1`, `0:0:0:0:0:0:0:1`, `127.0.0.0/8` and the
 * IPv4-mapped `::ffff:127.x.y.z` (BlockList matches a mapped address against the IPv4 rule).
 */
const LOOPBACK = new BlockList();
LOOPBACK.addSubnet('127.0.0.0', 8, 'ipv4');
LOOPBACK.addAddress('::1', 'ipv6');

/** `[::1]` → `::1`; other names unchanged. */
function unbracket(host: string): string {
  return host.startsWith('[') && host.endsWith(']') ? host.slice(1, -1) : host;
}

/** Whether an IP literal (IPv4, IPv6 in any spelling, IPv4-mapped IPv6) is a loopback address. */
export function isLoopbackAddress(address: string): boolean {
  const bare = unbracket(address);
  const family = isIP(bare);
  if (family === 0) return false;
  return LOOPBACK.check(bare, family === 4 ? 'ipv4' : 'ipv6');
}

/** Whether `host` (a name or an IP literal in any spelling) only accepts connections from this machine. */
export function isLoopbackHost(host: string): boolean {
  const name = host.toLowerCase().replace(/\.$/, '');
  return name === 'localhost' || name.endsWith('.localhost') || isLoopbackAddress(name);
}

/** The URL to print: `localhost` for loopback binds (what people type), the host itself otherwise. */
export function displayUrl(host: string, port: number): string {
  if (isLoopbackHost(host)) return `http://localhost:${port}`;
  const shown = host === '0.0.0.0' || host === '::' ? 'localhost' : host;
  return `http://${shown.includes(':') ? `[${shown}]` : shown}:${port}`;
}

/**
 * A `Host` header as RFC 9110 allows it: a registered name, an IPv4 address or a bracketed IPv6
 * address, then an optional port. Anything else (user info such as `evil.com@localhost`, paths,
 * spaces) is malformed.
 */
const HOST_HEADER =
  /^(?<hostname>\[[0-9a-f:.]+\]|[a-z0-9](?:[a-z0-9.-]*[a-z0-9])?\.?)(?::(?<port>\d{1,5}))?$/i;

/** The host name of a well-formed `Host` header (brackets kept for IPv6), or `undefined`. */
export function parseHostHeader(hostHeader: string | undefined): string | undefined {
  const match = hostHeader === undefined ? null : HOST_HEADER.exec(hostHeader);
  const hostname = match?.groups?.hostname;
  if (!hostname) return undefined;
  if (hostname.startsWith('[') && isIP(unbracket(hostname)) !== 6) return undefined;
  const port = match.groups?.port;
  if (port !== undefined && Number(port) > 65_535) return undefined;
  return hostname;
}

/** What the server does with a request's `Host` header. */
export type HostCheck = 'allowed' | 'malformed' | 'foreign';

/**
 * Checks a request's `Host` header. A malformed or missing one is refused (400) on every bind. A
 * loopback server answers only to loopback names: otherwise a web page could rebind its own domain
 * name to 127.0.0.1 and ask this server for signed URLs (DNS rebinding). "Loopback" is decided on the
 * parsed address, so `::ffff:127.0.0.1` or `0:0:0:0:0:0:0:1` is loopback too. A server bound to
 * another interface was exposed on purpose and serves any well-formed name.
 *
 * @param boundHost the `host` given to `listen` or the address the socket is actually bound to.
 */
export function checkHostHeader(hostHeader: string | undefined, boundHost: string): HostCheck {
  const hostname = parseHostHeader(hostHeader);
  if (hostname === undefined) return 'malformed';
  if (!isLoopbackHost(boundHost)) return 'allowed';
  return isLoopbackHost(hostname) ? 'allowed' : 'foreign';
}

/** Whether a request's `Host` header may be served (see {@link checkHostHeader}). */
export function isAllowedHostHeader(hostHeader: string | undefined, boundHost: string): boolean {
  return checkHostHeader(hostHeader, boundHost) === 'allowed';
}
