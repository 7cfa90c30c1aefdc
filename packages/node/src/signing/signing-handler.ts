import {
  type CustomModel,
  type HmacSha256,
  MODELS,
  modelNameTable,
  resolveModel,
  SparkConfigError,
  type SparkModel,
  signUrl,
} from '@xinghuo/core';
import { withBaseURL } from '@xinghuo/core/transport';
import { defaultClientKey, type SigningRequestContext } from './client-key';
import { type AllowedOrigins, corsHeaders, isOriginAllowed, preflightHeaders } from './cors';
import { errorResponse, jsonResponse } from './json-response';
import { type RateLimitOptions, TokenBuckets } from './token-bucket';

/** The Spark gateway accepts a signed date up to 300 s away from its clock. */
const SIGNATURE_LIFETIME_MS = 300_000;

/** Options of {@link createSigningHandler}. */
export interface SigningHandlerOptions {
  /** Spark APPID, returned to the browser (it goes into every request frame). */
  appId: string;
  /** Spark APIKey. */
  apiKey: string;
  /** Spark APISecret. Never leaves the server. */
  apiSecret: string;
  /**
   * Decides whether a request may get a signed URL (check the session cookie or bearer token).
   * Required unless `public: true`.
   */
  authorize?: ((request: Request) => boolean | Promise<boolean>) | undefined;
  /** Serve anyone without `authorize`. Meant for local development only. */
  public?: boolean | undefined;
  /** Registry ids or aliases that may be signed (default: every registry model). */
  models?: readonly string[] | undefined;
  /** Extra endpoints by name, e.g. `{ 'my-finetune': { url, domain } }`. */
  customModels?: Readonly<Record<string, CustomModel>> | undefined;
  /** Model used when the request names none (default: the `model` parameter is required). */
  defaultModel?: string | undefined;
  /** Replaces scheme, host and port of every model URL (a mock server, a proxy). */
  baseURL?: string | undefined;
  /**
   * Hosts (`host` or `host:port`) a URL may point at. Default: the `baseURL` host, else the hosts of
   * the registry and of `customModels`.
   */
  allowedHosts?: readonly string[] | undefined;
  /** Browser origins allowed to call cross-origin (CORS). Default: same origin only. */
  allowedOrigins?: AllowedOrigins | undefined;
  /** Per-client token bucket (default 10 at once, 1 per second); `false` disables it. */
  rateLimit?: RateLimitOptions | false | undefined;
  /** Rate-limit key of a request (default: peer address or client-IP header, else `'anonymous'`). */
  clientKey?: ((request: Request, context: SigningRequestContext) => string) | undefined;
  /** Clock, for tests and for a known skew (default `() => new Date()`). */
  now?: (() => Date) | undefined;
  /**
   * The HMAC-SHA256 to sign with (default WebCrypto, which every runtime has). On Node pass
   * `nodeHmacSha256` from `@xinghuo/node` (`createNodeSigningListener` does) for cheaper signatures.
   */
  hmac?: HmacSha256 | undefined;
}

/** Body of a successful answer. */
export interface SignedUrlResponse {
  /** The signed `wss://` URL; valid for about five minutes, for one connection at a time. */
  url: string;
  /** When the gateway stops accepting the signature (ISO 8601). */
  expiresAt: string;
  /** Registry id (or custom name) of the model. */
  model: string;
  /** The `domain` to put into the request frame. */
  domain: string;
  /** The APPID to put into the request frame. */
  appId: string;
}

/** A Web-standard request handler, as used by edge runtimes, Next.js route handlers and Deno. */
export type SigningHandler = (request: Request, context?: SigningRequestContext) => Promise<Response>;

interface ModelTable {
  byName: Map<string, SparkModel>;
  names: string[];
}

function buildModelTable(options: SigningHandlerOptions): ModelTable {
  const registry = options.models ? options.models.map((name) => resolveModel(name)) : MODELS;
  const byName = modelNameTable(registry);
  for (const [name, custom] of Object.entries(options.customModels ?? {})) {
    byName.set(name.toLowerCase(), resolveModel({ ...custom, id: custom.id ?? name }));
  }
  return { byName, names: [...new Set([...byName.values()].map((model) => model.id))] };
}

function defaultAllowedHosts(options: SigningHandlerOptions, table: ModelTable): Set<string> {
  if (options.allowedHosts) return new Set(options.allowedHosts.map((host) => host.toLowerCase()));
  if (options.baseURL) return new Set([new URL(withBaseURL('wss://placeholder/', options.baseURL)).host]);
  return new Set([...table.byName.values()].flatMap((model) => (model.url ? [new URL(model.url).host] : [])));
}

function checkOptions(options: SigningHandlerOptions): void {
  for (const name of ['appId', 'apiKey', 'apiSecret'] as const) {
    if (typeof options[name] !== 'string' || options[name] === '') {
      throw new SparkConfigError(`createSigningHandler: \`${name}\` is required.`);
    }
  }
  if (options.hmac !== undefined && typeof options.hmac !== 'function') {
    throw new SparkConfigError('createSigningHandler: `hmac` must be a function (key, message) => bytes.');
  }
  if (!options.authorize && options.public !== true) {
    throw new SparkConfigError(
      'createSigningHandler: pass `authorize(request)` to decide who may get a signed URL, ' +
        'or `public: true` for local development only.',
    );
  }
}

/**
 * Creates a Web-standard handler that hands out short-lived signed URLs, so browsers call Spark
 * without ever holding the API secret: `GET /any/path?model=lite` →
 * `{ url, expiresAt, model, domain, appId }`.
 *
 * It is not an open signing oracle: it signs only registry models (and the configured custom ones),
 * only for allowed hosts, only for authorized callers, only from allowed origins, at a limited rate.
 * Errors are JSON `{ error: { code, message } }` and never contain a secret. The module uses only
 * `Request`, `Response`, `URL` and WebCrypto, so it runs unchanged on edge runtimes.
 *
 * @example
 * ```ts
 * // app/api/spark/sign/route.ts (Next.js)
 * import { createSigningHandler } from '@xinghuo/node/signing';
 *
 * const handler = createSigningHandler({
 *   appId: process.env.SPARK_APP_ID!,
 *   apiKey: process.env.SPARK_API_KEY!,
 *   apiSecret: process.env.SPARK_API_SECRET!,
 *   authorize: async (request) => (await getSession(request)) !== null,
 * });
 * export const GET = handler;
 * export const OPTIONS = handler;
 * ```
 */
export function createSigningHandler(options: SigningHandlerOptions): SigningHandler {
  checkOptions(options);
  const table = buildModelTable(options);
  const allowedHosts = defaultAllowedHosts(options, table);
  if (options.baseURL) withBaseURL('wss://placeholder/', options.baseURL); // fails fast on a bad baseURL
  const buckets = options.rateLimit === false ? undefined : new TokenBuckets(options.rateLimit);
  const now = options.now ?? (() => new Date());
  const clientKey = options.clientKey ?? defaultClientKey;
  const credentials = { apiKey: options.apiKey, apiSecret: options.apiSecret };

  return async (request, context = {}) => {
    const requestUrl = new URL(request.url);
    const origin = request.headers.get('origin');
    if (!isOriginAllowed(origin, requestUrl, options.allowedOrigins)) {
      return errorResponse(403, 'forbidden_origin', 'This origin may not request signed Spark URLs.');
    }
    const cors = corsHeaders(origin, requestUrl, options.allowedOrigins);
    if (request.method === 'OPTIONS') {
      return new Response(null, { status: 204, headers: { ...cors, ...preflightHeaders(request) } });
    }
    if (request.method !== 'GET') {
      return errorResponse(405, 'method_not_allowed', 'Use GET.', { ...cors, allow: 'GET, OPTIONS' });
    }

    // Limit before authorizing, so the limiter also slows down guessing of credentials.
    const taken = buckets?.take(clientKey(request, context), now().getTime());
    if (taken && !taken.allowed) {
      return errorResponse(429, 'rate_limited', 'Too many signing requests; retry later.', {
        ...cors,
        'retry-after': String(taken.retryAfterSeconds),
      });
    }

    // A given authorize() always applies; `public` only allows having none.
    if (options.authorize) {
      let authorized = false;
      try {
        authorized = (await options.authorize(request)) === true;
      } catch {
        return errorResponse(500, 'internal_error', 'The authorization check failed.', cors);
      }
      if (!authorized) return errorResponse(401, 'unauthorized', 'Not authorized to use Spark.', cors);
    }

    const name = requestUrl.searchParams.get('model') ?? options.defaultModel;
    if (!name) return errorResponse(400, 'bad_request', 'The `model` query parameter is required.', cors);
    const model = table.byName.get(name.trim().toLowerCase());
    // A model served only over HTTP has no URL to sign.
    if (!model?.url) {
      return errorResponse(
        404,
        'unknown_model',
        `Unknown or disallowed model. Allowed: ${table.names.join(', ')}.`,
        cors,
      );
    }

    const target = withBaseURL(model.url, options.baseURL);
    if (!allowedHosts.has(new URL(target).host.toLowerCase())) {
      return errorResponse(403, 'forbidden_host', 'The model endpoint is not on an allowed host.', cors);
    }

    const date = now();
    let url: string;
    try {
      url = await signUrl(target, credentials, { date, hmac: options.hmac });
    } catch {
      return errorResponse(500, 'internal_error', 'Signing failed.', cors);
    }
    const body: SignedUrlResponse = {
      url,
      expiresAt: new Date(date.getTime() + SIGNATURE_LIFETIME_MS).toISOString(),
      model: model.id,
      domain: model.domain,
      appId: options.appId,
    };
    return jsonResponse(body, 200, cors);
  };
}
