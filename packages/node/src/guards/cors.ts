/** Which browser origins may call the handler: a list of exact origins, or `'*'` for any. */
export type AllowedOrigins = readonly string[] | '*';

/** The host (`name:port`) of an `Origin` header value, or `undefined` for `null` and garbage. */
function originHost(origin: string): string | undefined {
  try {
    return new URL(origin).host;
  } catch {
    return undefined;
  }
}

/**
 * Decides whether a request's `Origin` may use the handler. Requests without an Origin pass (server
 * callers; browsers send none on a same-origin GET). Otherwise the origin must be listed in
 * `allowedOrigins`, or be the request's own origin on a host the app declared (`hostTrusted`). The
 * request's own Host alone proves nothing: a raw request or a rebound domain name chooses it.
 */
export function isOriginAllowed(
  origin: string | null,
  requestUrl: URL,
  allowed: AllowedOrigins | undefined,
  hostTrusted: boolean,
): boolean {
  if (origin === null) return true;
  if (allowed === '*' || allowed?.includes(origin)) return true;
  return hostTrusted && isSameOrigin(origin, requestUrl);
}

// Host only: behind a TLS-terminating proxy the request URL says http:// while the page says https://.
function isSameOrigin(origin: string, requestUrl: URL): boolean {
  return originHost(origin) === requestUrl.host;
}

/** CORS headers for an allowed cross-origin request (none for same-origin or server callers). */
export function corsHeaders(
  origin: string | null,
  requestUrl: URL,
  allowed: AllowedOrigins | undefined,
): Record<string, string> {
  if (origin === null || allowed === undefined) return {};
  if (allowed === '*') return { 'access-control-allow-origin': '*' };
  if (!allowed.includes(origin) || isSameOrigin(origin, requestUrl)) return {};
  // An exact origin may send credentials (cookies) that `authorize` checks.
  return {
    'access-control-allow-origin': origin,
    'access-control-allow-credentials': 'true',
    vary: 'Origin',
  };
}

/** Headers of a successful preflight (OPTIONS) answer. */
export function preflightHeaders(request: Request, method: 'GET' | 'POST' = 'GET'): Record<string, string> {
  return {
    'access-control-allow-methods': `${method}, OPTIONS`,
    'access-control-allow-headers':
      request.headers.get('access-control-request-headers') ?? 'authorization, content-type',
    'access-control-max-age': '600',
  };
}
