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

/**
 * Default rate-limit key: the connection's peer address when the adapter knows it (`toNodeHandler`
 * passes it), else `'anonymous'`, one bucket shared by every such request. No header is read: a
 * client that reaches the server directly can write any `X-Forwarded-For` it likes, and rotating it
 * would buy a fresh bucket per request.
 */
export function defaultClientKey(_request: Request, context: SigningRequestContext = {}): string {
  return context.remoteAddress ? context.remoteAddress.slice(0, MAX_KEY_LENGTH) : SHARED_KEY;
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
      if (trimmed) return trimmed.slice(0, MAX_KEY_LENGTH);
    }
    return defaultClientKey(request, context);
  };
}

/** Normalizes and checks the `trustProxyHeaders` option: header names, at least one. */
export function trustedHeaderNames(option: ClientAddressHeader | readonly ClientAddressHeader[]): string[] {
  const names = typeof option === 'string' ? [option] : [...option];
  if (names.length === 0 || !names.every((name) => typeof name === 'string' && HEADER_NAME.test(name))) {
    throw new SparkConfigError(
      'createSigningHandler: `trustProxyHeaders` must name the header(s) your proxy sets, e.g. "x-real-ip".',
    );
  }
  return names;
}
