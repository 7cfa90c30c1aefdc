import { SparkConfigError } from '@xinghuo/core';
import type { ClientAddressHeader, ClientKeyFunction, SigningRequestContext } from '../guards/client-key';
import type { AllowedOrigins } from '../guards/cors';
import { errorResponse } from '../guards/json-response';
import { createRequestGuard } from '../guards/request-guard';
import type { RateLimitOptions } from '../guards/token-bucket';
import type { TrustedHosts } from '../guards/trusted-hosts';
import { readJsonObject } from './read-json-body';
import { createEndpointTable, DEFAULT_RELAY_UPSTREAM, normalizeUpstream } from './relay-endpoints';

/** Default bound of a request body: chat histories are text, and 256 KiB is a long one. */
const DEFAULT_MAX_BODY_BYTES = 256 * 1024;

/** An upstream error body is read up to this size (to redact it), then cut. */
const MAX_ERROR_BODY_BYTES = 64 * 1024;

/** What {@link RelayHandlerOptions.transformBody} gets besides the body. */
export interface RelayBodyContext {
  /** The endpoint path the request goes to, e.g. `/v1/chat/completions`. */
  endpoint: string;
  /** The browser's request (its body already read). */
  request: Request;
}

/** Options of {@link createRelayHandler}. */
export interface RelayHandlerOptions {
  /** Spark's HTTP `APIPassword`, sent as `Bearer <password>`. Never leaves the server. */
  apiPassword?: string | undefined;
  /** Spark APIKey, sent with `apiSecret` as `Bearer <key>:<secret>` when no `apiPassword` is given. */
  apiKey?: string | undefined;
  /** Spark APISecret. Never leaves the server. */
  apiSecret?: string | undefined;
  /**
   * Decides whether a request may use the relay (check the session cookie or the app's own bearer
   * token; the relay drops that `Authorization` before forwarding). Required unless `public: true`.
   */
  authorize?: ((request: Request) => boolean | Promise<boolean>) | undefined;
  /**
   * Serve anyone without `authorize`. Meant for local development only: unless `trustedHosts` says
   * otherwise, a public relay answers only under loopback names (`localhost`, `127.0.0.1`, `[::1]`).
   */
  public?: boolean | undefined;
  /**
   * Endpoint paths and the `model` ids allowed on each (default {@link DEFAULT_RELAY_ENDPOINTS}: the
   * general models on `/v1/chat/completions`, `spark-x` on `/v2/…` and `/x2/…`). A request path must
   * end with one of them; the relay may be mounted under any prefix (`/api/spark/v1/chat/completions`).
   */
  endpoints?: Readonly<Record<string, readonly string[]>> | undefined;
  /** Narrows `endpoints` to these `model` ids (e.g. `['lite']` for a free demo). */
  models?: readonly string[] | undefined;
  /** Where requests go (default `https://spark-api-open.xf-yun.com`; a mock server in tests). */
  upstream?: string | undefined;
  /** Largest request body accepted, in bytes (default 256 KiB); larger ones get 413. */
  maxBodyBytes?: number | undefined;
  /**
   * Rewrites the parsed body before it is forwarded, e.g. to clamp `max_tokens` or set `user`. Runs
   * after the model check; the model it returns is checked again.
   */
  transformBody?:
    | ((
        body: Record<string, unknown>,
        context: RelayBodyContext,
      ) => Record<string, unknown> | Promise<Record<string, unknown>>)
    | undefined;
  /** Browser origins allowed to call (CORS); as in the signing handler. Default: none. */
  allowedOrigins?: AllowedOrigins | undefined;
  /** Host names the relay is served under; as in the signing handler. */
  trustedHosts?: TrustedHosts | undefined;
  /**
   * Per-client token buckets (default 10 at once, 1 per second); `false` disables them. Refused
   * requests and relayed requests are counted in separate buckets.
   */
  rateLimit?: RateLimitOptions | false | undefined;
  /** Request headers a proxy in front of the app sets with the client address; as in the signing handler. */
  trustProxyHeaders?: ClientAddressHeader | readonly ClientAddressHeader[] | undefined;
  /** Rate-limit key of a request, replacing the address; cannot be combined with `trustProxyHeaders`. */
  clientKey?: ClientKeyFunction | undefined;
  /** Clock of the rate limiter (default `() => new Date()`). */
  now?: (() => Date) | undefined;
  /** The `fetch` used to call the upstream (default the global one). */
  fetch?: typeof fetch | undefined;
}

/** A Web-standard relay handler, as used by edge runtimes, Next.js route handlers and Deno. */
export type RelayHandler = (request: Request, context?: SigningRequestContext) => Promise<Response>;

/** The `Authorization` value of the upstream request, and the strings no response may contain. */
function upstreamCredential(options: RelayHandlerOptions): { authorization: string; secrets: string[] } {
  const filled = (value: unknown): value is string => typeof value === 'string' && value !== '';
  if (filled(options.apiPassword)) {
    return { authorization: `Bearer ${options.apiPassword}`, secrets: [options.apiPassword] };
  }
  if (filled(options.apiKey) && filled(options.apiSecret)) {
    const pair = `${options.apiKey}:${options.apiSecret}`;
    return { authorization: `Bearer ${pair}`, secrets: [pair, options.apiSecret, options.apiKey] };
  }
  throw new SparkConfigError(
    'createRelayHandler: pass `apiPassword` (Spark HTTP APIPassword), or `apiKey` and `apiSecret`.',
  );
}

/** Replaces every occurrence of a secret in upstream text (a gateway might echo the header). */
function redact(text: string, secrets: readonly string[]): string {
  return secrets.reduce((result, secret) => result.split(secret).join('[redacted]'), text);
}

/** Reads at most `limit` bytes of an upstream error body, then drops the rest. */
async function boundedText(response: Response, limit: number): Promise<string> {
  if (!response.body) return '';
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  let text = '';
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    text += decoder.decode(value, { stream: true });
    if (size >= limit) {
      await reader.cancel().catch(() => undefined);
      break;
    }
  }
  return text + decoder.decode();
}

/**
 * The upstream's content type when it is one the API speaks (SSE or JSON), else plain text: the
 * answer is served from the app's own origin, so an HTML error page must not render as HTML there.
 */
function passableContentType(contentType: string | null): string {
  if (contentType && /^(text\/event-stream|application\/json)\s*(;|$)/i.test(contentType)) return contentType;
  return 'text/plain; charset=utf-8';
}

const BODY_REFUSALS = {
  too_large: ['payload_too_large', 'The request body is too large.'],
  not_json: ['unsupported_media_type', 'Send the body as application/json.'],
  malformed: ['bad_request', 'The request body is not valid JSON.'],
  not_object: ['bad_request', 'The request body must be a JSON object.'],
} as const;

/**
 * Creates a Web-standard relay for Spark's OpenAI-compatible HTTP API, so a browser uses it without
 * ever holding the long-lived HTTP credential: give the browser client the relay's URL (`relayURL`) and
 * it forwards `POST …/v1|v2|x2/chat/completions` to Spark with `Authorization: Bearer <credential>`,
 * streaming the answer back chunk by chunk.
 *
 * It is not an open proxy: it forwards only JSON chat bodies of bounded size, only for the models
 * allowed on that endpoint, only to the configured upstream, and only the body (no client header,
 * cookie or `Authorization` goes upstream). Access rules are the signing handler's: `authorize`,
 * `trustedHosts`, `allowedOrigins`, and separate rate limits for refusals and relayed requests.
 * Upstream statuses and bodies pass through (error bodies with any credential redacted); the relay's
 * own errors are JSON `{ error: { code, message } }`. When the browser goes away (`request.signal`),
 * the upstream request is cancelled. Only `Request`, `Response` and `fetch` are used, so it runs
 * unchanged on edge runtimes.
 *
 * @example
 * ```ts
 * // app/api/spark/[...path]/route.ts (Next.js): the browser uses relayURL: '/api/spark'
 * import { createRelayHandler } from '@xinghuo/node/signing';
 *
 * export const POST = createRelayHandler({
 *   apiPassword: process.env.SPARK_API_PASSWORD!,
 *   authorize: async (request) => (await getSession(request)) !== null,
 *   trustProxyHeaders: 'x-real-ip',
 * });
 * ```
 */
export function createRelayHandler(options: RelayHandlerOptions): RelayHandler {
  const credential = upstreamCredential(options);
  const endpoints = createEndpointTable(options.endpoints, options.models);
  const upstream = normalizeUpstream(options.upstream ?? DEFAULT_RELAY_UPSTREAM);
  const maxBodyBytes = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  if (!(Number.isSafeInteger(maxBodyBytes) && maxBodyBytes > 0)) {
    throw new SparkConfigError('createRelayHandler: `maxBodyBytes` must be a positive integer.');
  }
  if (options.transformBody !== undefined && typeof options.transformBody !== 'function') {
    throw new SparkConfigError('createRelayHandler: `transformBody` must be a function.');
  }
  const guard = createRequestGuard(options, {
    handlerName: 'createRelayHandler',
    method: 'POST',
    action: 'use the Spark relay',
    what: 'relayed requests',
  });
  const fetchUpstream = options.fetch ?? ((input, init) => fetch(input, init));

  return async (request, context = {}) => {
    const admitted = await guard(request, context);
    if (admitted instanceof Response) return admitted;
    const { cors } = admitted;

    const endpoint = endpoints.match(new URL(request.url).pathname);
    if (!endpoint) {
      return errorResponse(404, 'not_found', 'Not a relayed Spark endpoint (…/chat/completions).', cors);
    }
    const read = await readJsonObject(request, maxBodyBytes);
    if (!read.ok) {
      const [code, message] = BODY_REFUSALS[read.reason];
      return errorResponse(read.status, code, message, cors);
    }
    const unknownModel = () =>
      errorResponse(
        404,
        'unknown_model',
        `Unknown or disallowed model for ${endpoint}. Allowed: ${endpoints.models(endpoint).join(', ')}.`,
        cors,
      );
    if (typeof read.body.model !== 'string') {
      return errorResponse(400, 'bad_request', 'The body needs a `model` string.', cors);
    }
    if (!endpoints.allows(endpoint, read.body.model)) return unknownModel();

    let body = read.body;
    if (options.transformBody) {
      try {
        body = await options.transformBody(body, { endpoint, request });
      } catch {
        return errorResponse(500, 'internal_error', 'The body transform failed.', cors);
      }
      if (typeof body?.model !== 'string' || !endpoints.allows(endpoint, body.model)) return unknownModel();
    }

    let answer: Response;
    try {
      // Re-serialized, not the raw bytes: what goes upstream is exactly what was checked (a body with
      // a duplicate `model` key cannot mean one model here and another there).
      answer = await fetchUpstream(`${upstream}${endpoint}`, {
        method: 'POST',
        headers: {
          authorization: credential.authorization,
          'content-type': 'application/json',
          accept: body.stream === true ? 'text/event-stream' : 'application/json',
        },
        body: JSON.stringify(body),
        redirect: 'manual',
        signal: request.signal,
      });
    } catch {
      // Also when the browser went away (request.signal): nobody reads this answer then.
      return errorResponse(502, 'upstream_unavailable', 'Spark could not be reached.', cors);
    }

    const headers: Record<string, string> = {
      ...cors,
      'content-type': passableContentType(answer.headers.get('content-type')),
      'cache-control': 'no-store',
      'x-content-type-options': 'nosniff',
      // Proxies such as nginx would otherwise hold the stream back in a buffer.
      'x-accel-buffering': 'no',
    };
    const retryAfter = answer.headers.get('retry-after');
    if (retryAfter) headers['retry-after'] = retryAfter;
    if (answer.status >= 300 && answer.status < 400) {
      await answer.body?.cancel().catch(() => undefined);
      return errorResponse(502, 'upstream_unavailable', 'Spark answered with a redirect.', cors);
    }
    if (!answer.ok) {
      const text = await boundedText(answer, MAX_ERROR_BODY_BYTES).catch(() => '');
      return new Response(redact(text, credential.secrets), { status: answer.status, headers });
    }
    // The upstream stream itself: every chunk goes to the browser as it arrives, and cancelling the
    // browser's body cancels the upstream one.
    return new Response(answer.body, { status: answer.status, headers });
  };
}
