/**
 * The Node package's TLS policy, shared by the `ws` transport, the Node `fetch` and the proxy tunnel:
 * certificates are always verified, and a failed verification is named as such in errors.
 */
import type { Agent } from 'node:http';
import { SparkConfigError } from '@xinghuo/core';

/**
 * Whether a Node network error code or message means TLS failed to verify a certificate (an
 * untrusted, self-signed or expired one, or a host name mismatch), so that errors can say so.
 */
export function isCertificateFailure(reason: string): boolean {
  return /CERT|SSL|TLS|self.signed/i.test(reason);
}

/**
 * Refuses an agent that turns certificate verification off. Node merges an agent's own options over
 * the request's, so a lax agent would silently win over `rejectUnauthorized: true`.
 *
 * @throws SparkConfigError for an agent with `rejectUnauthorized: false`
 */
export function refuseUnverifiedAgent(agent: Agent | undefined): void {
  if (
    (agent as { options?: { rejectUnauthorized?: boolean } } | undefined)?.options?.rejectUnauthorized ===
    false
  ) {
    throw new SparkConfigError(
      'The agent turns TLS certificate verification off (rejectUnauthorized: false); xinghuo always verifies. ' +
        'For a private CA pass the `ca` option instead.',
    );
  }
}
