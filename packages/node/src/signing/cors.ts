/** Which browser origins may call the handler: a list of exact origins, or `'*'` for any. */
export type AllowedOrigins = readonly string[] | '*';

/**
 * Decides whether a request's `Origin` may use the handler. Without `allowedOrigins` only
 * same-origin requests (and requests without an Origin, e.g. from a server) are accepted.
 */
export function isOriginAllowed(
  origin: string | null,
  requestUrl: URL,
  allowed: AllowedOrigins | undefined,
): boolean {
  if (origin === null) return true;
  if (allowed === '*') return true;
  if (allowed === undefined) return origin === requestUrl.origin;
  return allowed.includes(origin);
}

/** CORS headers for an allowed cross-origin request (none for same-origin or server callers). */
export function corsHeaders(
  origin: string | null,
  requestUrl: URL,
  allowed: AllowedOrigins | undefined,
): Record<string, string> {
  if (origin === null || origin === requestUrl.origin || allowed === undefined) return {};
  if (allowed === '*') return { 'access-control-allow-origin': '*' };
  // An exact origin may send credentials (cookies) that `authorize` checks.
  return {
    'access-control-allow-origin': origin,
    'access-control-allow-credentials': 'true',
    vary: 'Origin',
  };
}

/** Headers of a successful preflight (OPTIONS) answer. */
export function preflightHeaders(request: Request): Record<string, string> {
  return {
    'access-control-allow-methods': 'GET, OPTIONS',
    'access-control-allow-headers':
      request.headers.get('access-control-request-headers') ?? 'authorization, content-type',
    'access-control-max-age': '600',
  };
}
