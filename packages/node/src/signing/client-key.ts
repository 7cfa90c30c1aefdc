/** Facts about the caller that a `Request` cannot carry, supplied by a platform adapter. */
export interface SigningRequestContext {
  /** The peer address of the TCP connection (from `node:http`). */
  remoteAddress?: string | undefined;
}

/**
 * Default rate-limit key: the connection's address when the adapter knows it, else the first
 * client-IP header a proxy or edge platform sets, else `'anonymous'` (one shared bucket).
 *
 * Headers can be forged by a client that talks to the server directly; behind a trusted proxy pass a
 * `clientKey` that reads the header your proxy sets, or key by user id after `authorize`.
 */
export function defaultClientKey(request: Request, context: SigningRequestContext = {}): string {
  if (context.remoteAddress) return context.remoteAddress;
  const headers = request.headers;
  const forwarded = headers.get('x-forwarded-for')?.split(',')[0]?.trim();
  return headers.get('cf-connecting-ip') ?? headers.get('x-real-ip') ?? (forwarded || 'anonymous');
}
