import { gatewayRejection, type HandshakeRejection } from './gateway-responses.js';

/**
 * What the mock does with a signed URL presented more than once (`signedUrlReuse`):
 *
 * - `'allow'` (default): accept it for any number of connections, sequential or concurrent, while its
 *   date is inside the clock-skew window. That is all the protocol documents (spec §1.2: the signature
 *   is valid while `date` is within ±300 s), and two connections signed for one path within the same
 *   second carry the very same URL, so a client that signs per connection can still repeat one.
 * - `'reject'`: accept each signed URL (its `authorization` value) for one connection only; later
 *   handshakes with it get HTTP 401. Use it to prove a client signs a fresh URL for every connection.
 *
 * Whether the real gateway accepts a signed URL more than once is not known.
 */
export type SignedUrlReuse = 'allow' | 'reject';

/** The body of the mock's refusal of a reused URL. The real gateway's wording, if any, is unknown. */
export const SIGNED_URL_REUSED_MESSAGE =
  'HMAC signature cannot be verified: this signed URL was already used (mock option signedUrlReuse: "reject")';

/**
 * Remembers the signed URLs already used, each until its date leaves the clock-skew window (after which
 * the signature check refuses it anyway), so memory stays bounded by the connection rate.
 */
export class SignedUrlLedger {
  readonly #expiries = new Map<string, number>();

  constructor(private readonly windowMs: number) {}

  /** Records one use of `authorization` at `now`; returns the refusal when it was used before. */
  use(authorization: string, signedAt: Date, now: Date): HandshakeRejection | undefined {
    this.#forgetExpired(now.getTime());
    if (this.#expiries.has(authorization)) return gatewayRejection(401, SIGNED_URL_REUSED_MESSAGE);
    const signedMs = Number.isNaN(signedAt.getTime()) ? now.getTime() : signedAt.getTime();
    this.#expiries.set(authorization, Math.max(signedMs, now.getTime()) + this.windowMs);
    return undefined;
  }

  /** Number of signed URLs remembered. */
  get size(): number {
    return this.#expiries.size;
  }

  #forgetExpired(nowMs: number): void {
    // Expiries grow with insertion order (up to the skew of signed dates): stop at the first live one;
    // an expired entry behind it goes on a later call.
    for (const [authorization, expiresAt] of this.#expiries) {
      if (expiresAt > nowMs) break;
      this.#expiries.delete(authorization);
    }
  }
}
