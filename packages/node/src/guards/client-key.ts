import { SparkConfigError } from '@xinghuo/core';

/** Facts about the caller that a `Request` cannot carry, supplied by a platform adapter. */
export interface SigningRequestContext {
  /** The peer address of the TCP connection (`node:http`'s `socket.remoteAddress`, Deno's `info.remoteAddr`). */
  remoteAddress?: string | undefined;
}

/**
 * A request header that carries the client's address, set by a proxy or platform in front of the
 * app: `x-forwarded-for` (the right-most entry is read), `x-real-ip`, `cf-connecting-ip`, or any other.
 */
export type ClientAddressHeader =
  | 'x-forwarded-for'
  | 'x-real-ip'
  | 'cf-connecting-ip'
  | 'true-client-ip'
  | 'fly-client-ip'
  | (string & {});

/** Computes the rate-limit key of a request. */
export type ClientKeyFunction = (request: Request, context: SigningRequestContext) => string;

/** The key of every request that brings no trustworthy address: one bucket shared by all of them. */
const SHARED_KEY = 'anonymous';

/** A key longer than any address is cut, so a header cannot make the bucket table large. */
const MAX_KEY_LENGTH = 64;

// RFC 9110 token characters: what a header name may consist of.
const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;

const MAPPED_IPV4 = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i;
const IPV4 = /^\d{1,3}(?:\.\d{1,3}){3}$/;
const HEXTET = /^[0-9a-f]{1,4}$/i;

/** The eight 16-bit groups of an IPv6 address, or `undefined` when it is not one. */
function ipv6Groups(address: string): string[] | undefined {
  const halves = address.split('::');
  if (halves.length > 2) return undefined;
  const parse = (half: string | undefined) => (half ? half.split(':') : []);
  const head = parse(halves[0]);
  const tail = parse(halves[1]);
  const last = tail.at(-1) ?? head.at(-1);
  // An embedded IPv4 tail (64:ff9b::192.0.2.1) counts as two groups.
  const ipv4Tail = last !== undefined && IPV4.test(last) ? 1 : 0;
  const written = head.length + tail.length + ipv4Tail;
  if (halves.length === 1 ? written !== 8 : written > 7) return undefined;
  const groups = [...head, ...Array<string>(8 - written).fill('0'), ...tail];
  if (ipv4Tail) groups.splice(-1, 1, '0', '0');
  return groups.every((group) => HEXTET.test(group)) ? groups : undefined;
}

/**
 * The rate-limit key of a client address: an IPv4 address as it is (IPv4-mapped IPv6 unwrapped), an
 * IPv6 address by its /64 prefix (one subscriber usually holds a whole /64 and could rotate through
 * it), anything else as written, cut to a bounded length.
 */
export function addressKey(address: string): string {
  const bare = address
    .trim()
    .replace(/^\[|\]$/g, '')
    .replace(/%.*$/, '');
  const mapped = MAPPED_IPV4.exec(bare);
  if (mapped) return mapped[1] as string;
  const groups = bare.includes(':') ? ipv6Groups(bare) : undefined;
  if (groups)
    return `${groups
      .slice(0, 4)
      .map((group) => Number.parseInt(group, 16).toString(16))
      .join(':')}::/64`;
  return bare.slice(0, MAX_KEY_LENGTH);
}

/**
 * Default rate-limit key: the connection's peer address when the adapter knows it (`toNodeHandler`
 * passes it; IPv6 by /64, see {@link addressKey}), else `'anonymous'`, one bucket shared by every
 * such request. No header is read: a
 * client that reaches the server directly can write any `X-Forwarded-For` it likes, and rotating it
 * would buy a fresh bucket per request.
 */
export function defaultClientKey(_request: Request, context: SigningRequestContext = {}): string {
  return context.remoteAddress ? addressKey(context.remoteAddress) : SHARED_KEY;
}

/**
 * Builds the key function for an app behind a proxy or platform that sets `headers` itself. The
 * first of `headers` present wins; of `x-forwarded-for` the right-most entry is read, the one the
 * nearest proxy appended (the entries to its left are whatever the client sent). Without any of
 * them the request bypassed the proxy, and {@link defaultClientKey} applies.
 */
export function trustedHeaderClientKey(headers: readonly string[]): ClientKeyFunction {
  const names = headers.map((name) => name.toLowerCase());
  return (request, context) => {
    for (const name of names) {
      const value = request.headers.get(name);
      const address = name === 'x-forwarded-for' ? value?.split(',').at(-1) : value;
      const trimmed = address?.trim();
      if (trimmed) return addressKey(trimmed);
    }
    return defaultClientKey(request, context);
  };
}

/** Normalizes and checks the `trustProxyHeaders` option: header names, at least one. */
export function trustedHeaderNames(
  option: ClientAddressHeader | readonly ClientAddressHeader[],
  handlerName = 'createSigningHandler',
): string[] {
  const names = typeof option === 'string' ? [option] : [...option];
  if (names.length === 0 || !names.every((name) => typeof name === 'string' && HEADER_NAME.test(name))) {
    throw new SparkConfigError(
      `${handlerName}: \`trustProxyHeaders\` must name the header(s) your proxy sets, e.g. "x-real-ip".`,
    );
  }
  return names;
}
