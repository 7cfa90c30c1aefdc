import type { HandshakeRejection } from '../auth/gateway-responses.js';
import { GATEWAY_MESSAGES, gatewayRejection } from '../auth/gateway-responses.js';
import type { MockCredentials } from '../credentials.js';

/** Which Bearer form a request authenticated with (spec §6.2). */
export type BearerForm = 'api-password' | 'api-key-secret';

/** The outcome of checking an `Authorization` header. */
export type BearerCheck = { ok: true; form: BearerForm } | { ok: false; rejection: HandshakeRejection };

/**
 * Checks `Authorization: Bearer <APIPassword>` or `Bearer <APIKey>:<APISecret>` (spec §6.2). A missing
 * header gets the gateway's `{"message":"Unauthorized"}`; a wrong key pair gets the gateway body users
 * report (`HMAC signature cannot be verified:enforced header 'host' …`); a wrong password gets the
 * OpenAI-style `{"error":{"message":"invalid user",…}}`. Which body answers which mistake on the real
 * service is not verified; both are 401 there.
 */
export function checkBearer(
  authorization: string | null | undefined,
  credentials: MockCredentials & { apiPassword: string },
): BearerCheck {
  const match = /^Bearer\s+(\S.*)$/i.exec(authorization?.trim() ?? '');
  if (match === null) return { ok: false, rejection: gatewayRejection(401, GATEWAY_MESSAGES.unauthorized) };
  const token = match[1]!.trim();
  if (safeEqual(token, credentials.apiPassword)) return { ok: true, form: 'api-password' };
  const colon = token.indexOf(':');
  if (colon > 0) {
    const key = token.slice(0, colon);
    const secret = token.slice(colon + 1);
    if (safeEqual(key, credentials.apiKey) && safeEqual(secret, credentials.apiSecret)) {
      return { ok: true, form: 'api-key-secret' };
    }
    return { ok: false, rejection: gatewayRejection(401, GATEWAY_MESSAGES.hostNotSigned) };
  }
  return { ok: false, rejection: invalidUser() };
}

/** The OpenAI-style 401 body the HTTP API answers for an unknown password (spec §6.2). */
export function invalidUser(): HandshakeRejection {
  return {
    status: 401,
    body: { error: { message: 'invalid user', type: 'api_error', param: null, code: null } },
  };
}

/** Compares without stopping at the first difference (the mock is a test server, but cheap to do right). */
function safeEqual(left: string, right: string): boolean {
  let difference = left.length ^ right.length;
  for (let index = 0; index < Math.max(left.length, right.length); index += 1) {
    difference |= (left.charCodeAt(index) || 0) ^ (right.charCodeAt(index) || 0);
  }
  return difference === 0;
}
