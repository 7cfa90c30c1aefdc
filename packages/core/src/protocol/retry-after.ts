/**
 * The `Retry-After` header of a refusal, read the same way for both protocols (an HTTP answer, a
 * refused WebSocket handshake).
 */

/**
 * Reads `Retry-After` as delay-seconds or an HTTP-date; `undefined` when absent or unreadable.
 * Capped at one minute: a longer wait is the caller's decision, not a retry's.
 */
export function retryAfterMs(header: string | null | undefined, now = Date.now()): number | undefined {
  if (!header) return undefined;
  const seconds = Number(header);
  const ms = Number.isFinite(seconds) ? seconds * 1000 : Date.parse(header) - now;
  return Number.isFinite(ms) && ms >= 0 ? Math.min(ms, 60_000) : undefined;
}
