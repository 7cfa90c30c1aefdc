/** Why a state-changing request was refused: the HTTP status, a code and a message for the caller. */
export interface WriteRefusal {
  status: 403 | 415;
  code: 'cross_origin' | 'unsupported_media_type';
  message: string;
}

/** Methods that only read. Everything else changes state and goes through {@link checkWriteRequest}. */
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Whether the request is a read (GET, HEAD, OPTIONS). */
export function isSafeMethod(method: string): boolean {
  return SAFE_METHODS.has(method.toUpperCase());
}

/** `application/json`, with or without parameters (`; charset=utf-8`), case-insensitively. */
function isJsonContentType(contentType: string | null): boolean {
  const mediaType = contentType?.split(';', 1)[0]?.trim().toLowerCase();
  return mediaType === 'application/json';
}

/**
 * Refuses a state-changing request another site could have sent (CSRF):
 * - the body must be declared `application/json`. A cross-site page can only send `text/plain`,
 *   form or multipart bodies without a CORS preflight, and this server answers no preflight.
 * - `Sec-Fetch-Site`, when the browser sends it, must be `same-origin`;
 * - `Origin`, when present, must be this server's own origin. The Host header it is compared with
 *   was checked before (a loopback server answers to loopback names only, so a rebound domain
 *   never gets here).
 * Clients that send neither header (curl, Node's fetch, the SDK) are not browsers, so a third-party
 * page cannot use them; they pass on the content type alone.
 *
 * @returns the refusal, or `undefined` when the request may proceed.
 */
export function checkWriteRequest(request: Request): WriteRefusal | undefined {
  const fetchSite = request.headers.get('sec-fetch-site');
  const origin = request.headers.get('origin');
  const ownOrigin = new URL(request.url).origin;
  if ((fetchSite !== null && fetchSite !== 'same-origin') || (origin !== null && origin !== ownOrigin)) {
    return {
      status: 403,
      code: 'cross_origin',
      message: 'State-changing requests are accepted from the playground page only.',
    };
  }
  if (!isJsonContentType(request.headers.get('content-type'))) {
    return {
      status: 415,
      code: 'unsupported_media_type',
      message: 'Send the body as JSON with Content-Type: application/json.',
    };
  }
  return undefined;
}
