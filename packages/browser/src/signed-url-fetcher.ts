import {
  type SignUrlProvider,
  type SignUrlRequest,
  SparkAbortError,
  SparkAuthError,
  SparkConfigError,
  SparkConnectionError,
  type SparkError,
  SparkInvalidRequestError,
  SparkPermissionError,
  SparkProtocolError,
  SparkRateLimitError,
  SparkServerError,
} from '@xinghuo/core/portable';

/** Headers for the signing request: fixed, or computed per request (for example a fresh session token). */
export type SigningHeaders = HeadersInit | (() => HeadersInit | Promise<HeadersInit>);

/** Options of {@link createSignedUrlFetcher}. */
export interface SignedUrlFetcherOptions {
  /**
   * The app's signing endpoint, absolute or relative to the page (`'/api/spark/sign'`). The model id
   * is appended as the `model` query parameter.
   */
  endpoint: string;
  /** The `fetch` to use; defaults to the global one. */
  fetch?: typeof fetch | undefined;
  /** Extra request headers, e.g. `{ authorization: 'Bearer …' }` for the app's own session. */
  headers?: SigningHeaders | undefined;
  /** Cookie policy of the request; the platform default is `'same-origin'`. */
  credentials?: RequestCredentials | undefined;
}

/** The JSON a signing endpoint (`createSigningHandler` of `@xinghuo/node`) answers with. */
interface SignedUrlResponse {
  url?: unknown;
  error?: { code?: unknown; message?: unknown };
}

/**
 * Builds the `signUrl` provider for an endpoint served by `createSigningHandler` from
 * `@xinghuo/node`: each call does `GET <endpoint>?model=<id>` and returns the signed URL from the
 * `{ url, expiresAt, model, … }` answer. The client calls it afresh for every attempt, because a
 * signed URL is only valid for ±300 s around its date. An error answer
 * `{ error: { code, message } }` becomes a typed {@link SparkError}: 400 → invalid request,
 * 401 → auth, 403 → permission, 429 → rate limit (retryable), 5xx and network failures → retryable.
 *
 * @example
 * ```ts
 * import { createSignedUrlFetcher, createSparkClient } from '@xinghuo/browser';
 *
 * const client = createSparkClient({
 *   appId: 'your-app-id',
 *   signUrl: createSignedUrlFetcher({ endpoint: '/api/spark/sign' }),
 * });
 * ```
 */
export function createSignedUrlFetcher(options: SignedUrlFetcherOptions): SignUrlProvider {
  if (typeof options?.endpoint !== 'string' || options.endpoint === '') {
    throw new SparkConfigError('createSignedUrlFetcher needs an endpoint, e.g. "/api/spark/sign".');
  }
  return async (request: SignUrlRequest) => {
    const fetchFunction = options.fetch ?? globalThis.fetch;
    if (typeof fetchFunction !== 'function') {
      throw new SparkConfigError('This runtime has no fetch; pass createSignedUrlFetcher({ fetch }).');
    }
    const separator = options.endpoint.includes('?') ? '&' : '?';
    const target = `${options.endpoint}${separator}model=${encodeURIComponent(request.model.id)}`;
    const headers = typeof options.headers === 'function' ? await options.headers() : options.headers;
    const init: RequestInit = {
      method: 'GET',
      // A cached answer would carry an expired date.
      cache: 'no-store',
      headers: { accept: 'application/json', ...Object.fromEntries(new Headers(headers)) },
    };
    if (options.credentials) init.credentials = options.credentials;
    if (request.signal) init.signal = request.signal;

    let response: Response;
    try {
      response = await fetchFunction(target, init);
    } catch (error) {
      if (request.signal?.aborted) throw new SparkAbortError(undefined, { cause: error });
      throw new SparkConnectionError('The signing endpoint could not be reached.', { cause: error });
    }
    const body = (await response.json().catch(() => undefined)) as SignedUrlResponse | undefined;
    if (!response.ok) throw errorFromSigningResponse(response.status, body);
    if (typeof body?.url !== 'string' || !/^wss?:\/\//.test(body.url)) {
      throw new SparkProtocolError('The signing endpoint answered without a ws:// or wss:// "url".');
    }
    return body.url;
  };
}

function errorFromSigningResponse(status: number, body: SignedUrlResponse | undefined): SparkError {
  const code = typeof body?.error?.code === 'string' ? ` ${body.error.code}` : '';
  const detail = typeof body?.error?.message === 'string' ? `: ${body.error.message}` : '';
  const message = `The signing endpoint refused (HTTP ${status}${code}${detail}).`;
  const options = { status };
  if (status === 400 || status === 404)
    return new SparkInvalidRequestError(message, { ...options, field: 'model' });
  if (status === 401) return new SparkAuthError(message, options);
  if (status === 403) return new SparkPermissionError(message, options);
  if (status === 429) return new SparkRateLimitError(message, options);
  if (status >= 500) return new SparkServerError(message, options);
  return new SparkConnectionError(message, { ...options, retryable: false });
}
