/** Stable codes of the signing handler's error responses. */
export type SigningErrorCode =
  | 'bad_request'
  | 'unknown_model'
  | 'forbidden_host'
  | 'forbidden_origin'
  | 'untrusted_host'
  | 'unauthorized'
  | 'method_not_allowed'
  | 'rate_limited'
  | 'internal_error';

/** Stable codes of the HTTP relay's own error responses (the upstream's errors pass through as they are). */
export type RelayErrorCode =
  | Exclude<SigningErrorCode, 'forbidden_host'>
  | 'not_found'
  | 'payload_too_large'
  | 'unsupported_media_type'
  | 'upstream_unavailable';

const NO_STORE = { 'cache-control': 'no-store', 'content-type': 'application/json; charset=utf-8' };

/** A JSON response that no cache may keep (signed URLs are credentials for five minutes; answers are private). */
export function jsonResponse(body: unknown, status: number, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), { status, headers: { ...NO_STORE, ...headers } });
}

/** The handler's error shape: `{ error: { code, message } }`. Messages never contain a secret. */
export function errorResponse(
  status: number,
  code: SigningErrorCode | RelayErrorCode,
  message: string,
  headers: Record<string, string> = {},
): Response {
  return jsonResponse({ error: { code, message } }, status, headers);
}
