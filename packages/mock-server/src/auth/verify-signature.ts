import type { MockCredentials } from '../credentials.js';
import { andThen, type MaybePromise } from '../maybe-promise.js';
import { GATEWAY_MESSAGES, gatewayRejection, type HandshakeRejection } from './gateway-responses.js';
import type { HmacSha256Base64 } from './hmac.js';
import { parseAuthorization } from './parse-authorization.js';

/** The longest `authorization` value decoded; longer ones get the gateway's "cannot be verified". */
export const MAX_AUTHORIZATION_CHARS = 1_024;

/** What the gateway sees of a signed handshake. */
export interface SignedRequest {
  /** The request target's query, already form-decoded (`+` and `%20` both become spaces). */
  query: URLSearchParams;
  /** The Host header exactly as sent, including a non-default port. */
  host: string;
  /** URL path without the query, e.g. `/v3.5/chat`. */
  path: string;
  /** HTTP method of the request line; `GET` for WebSocket upgrades. */
  method?: string;
}

/** How to verify: which credentials exist, the server clock and the HMAC implementation. */
export interface VerifyOptions {
  credentials: Pick<MockCredentials, 'apiKey' | 'apiSecret'>;
  now: Date;
  hmac: HmacSha256Base64;
  /** Allowed distance between the signed date and the server clock, in seconds (gateway: 300). */
  maxClockSkewSeconds?: number;
}

/**
 * Verifies a signed URL the way the xfyun gateway does (spec §1.2, §1.5) and returns the refusal the
 * gateway would send, or `undefined` when the signature is valid. Checks run in the gateway's order:
 * missing authorization, unparsable parameters, clock skew, unknown key, then the signature itself.
 *
 * @example
 * const refusal = await verifySignedRequest(
 *   { query: url.searchParams, host: '127.0.0.1:8787', path: '/v3.5/chat' },
 *   { credentials, now: new Date(), hmac: nodeHmacSha256Base64 },
 * );
 */
export async function verifySignedRequest(
  request: SignedRequest,
  options: VerifyOptions,
): Promise<HandshakeRejection | undefined> {
  return checkSignedRequest(request, options);
}

/**
 * `verifySignedRequest` that stays synchronous when `options.hmac` is: the msw face needs the verdict
 * before the intercepted socket opens.
 */
export function checkSignedRequest(
  request: SignedRequest,
  options: VerifyOptions,
): MaybePromise<HandshakeRejection | undefined> {
  const authorization = request.query.get('authorization');
  if (authorization === null || authorization === '') {
    return gatewayRejection(401, GATEWAY_MESSAGES.unauthorized);
  }
  // A real value is under 300 characters; a huge one is refused before any decoding work.
  const parameters =
    authorization.length > MAX_AUTHORIZATION_CHARS ? undefined : parseAuthorization(authorization);
  if (parameters === undefined || parameters.algorithm.toLowerCase() !== 'hmac-sha256') {
    return gatewayRejection(401, GATEWAY_MESSAGES.cannotVerify);
  }
  const signedHeaders = parameters.headers.toLowerCase().split(/\s+/);
  if (!signedHeaders.includes('host')) return gatewayRejection(401, GATEWAY_MESSAGES.hostNotSigned);

  const date = request.query.get('date');
  const maxSkewMs = (options.maxClockSkewSeconds ?? 300) * 1000;
  const signedAt = date === null ? Number.NaN : Date.parse(date);
  if (date === null || Number.isNaN(signedAt) || Math.abs(options.now.getTime() - signedAt) > maxSkewMs) {
    return gatewayRejection(403, GATEWAY_MESSAGES.clockSkew);
  }
  if (parameters.apiKey !== options.credentials.apiKey) {
    return gatewayRejection(401, GATEWAY_MESSAGES.unknownCredential);
  }

  const signatureOrigin = signedHeaders
    .filter((name) => name !== '')
    .map((name) => signedLine(name, request, date))
    .join('\n');
  return andThen(options.hmac(options.credentials.apiSecret, signatureOrigin), (expected) =>
    constantTimeEqual(expected, parameters.signature)
      ? undefined
      : gatewayRejection(401, GATEWAY_MESSAGES.doesNotMatch),
  );
}

/** One line of `signature_origin` for a signed header name (the gateway's `request-line` is special). */
function signedLine(name: string, request: SignedRequest, date: string): string {
  if (name === 'request-line') return `${request.method ?? 'GET'} ${request.path} HTTP/1.1`;
  if (name === 'host') return `host: ${request.host}`;
  if (name === 'date') return `date: ${date}`;
  // Any other header name cannot be reproduced from a URL; an empty value makes the signature fail.
  return `${name}: `;
}

/** Compares two strings without an early exit, so timing does not reveal a matching prefix. */
function constantTimeEqual(left: string, right: string): boolean {
  let difference = left.length ^ right.length;
  for (let index = 0; index < left.length; index += 1) {
    difference |= left.charCodeAt(index) ^ right.charCodeAt(index % Math.max(right.length, 1));
  }
  return difference === 0;
}
