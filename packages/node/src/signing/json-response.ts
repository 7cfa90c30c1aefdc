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

const NO_STORE = { 'cache-control': 'no-store', 'content-type': 'application/json; charset=utf-8' };

/** A JSON response that no cache may keep (signed URLs are credentials for five minutes). */
export function jsonResponse(body: unknown, status: number, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), { status, headers: { ...NO_STORE, ...headers } });
}

/** The handler's error shape: `{ error: { code, message } }`. Messages never contain a secret. */
export function errorResponse(
  status: number,
  code: SigningErrorCode,
  message: string,
  headers: Record<string, string> = {},
): Response {
  return jsonResponse({ error: { code, message } }, status, headers);
}
