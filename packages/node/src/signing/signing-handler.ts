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
import type { ClientAddressHeader, ClientKeyFunction, SigningRequestContext } from '../guards/client-key';
import type { AllowedOrigins } from '../guards/cors';
import { errorResponse, jsonResponse } from '../guards/json-response';
import { createRequestGuard } from '../guards/request-guard';
import type { RateLimitOptions } from '../guards/token-bucket';
import type { TrustedHosts } from '../guards/trusted-hosts';

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
  /**
   * Serve anyone without `authorize`. Meant for local development only: unless `trustedHosts` says
   * otherwise, a public handler answers only under loopback names (`localhost`, `127.0.0.1`, `[::1]`).
   */
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
  /**
   * Browser origins allowed to call (CORS, with credentials for listed origins). A request carrying
   * any other `Origin` gets 403, unless it is the page's own origin on one of `trustedHosts`.
   * Browsers send no Origin on a same-origin GET, so a same-origin app needs nothing here. Default: none.
   */
  allowedOrigins?: AllowedOrigins | undefined;
  /**
   * Host names this handler is served under (the request's `Host`): `'app.example.com'` (any port),
   * `'localhost:3000'`, `'.example.com'` (it and its subdomains), or `'*'`. Other hosts get 403
   * `untrusted_host` before `authorize` runs: a domain rebound to your server's address, or a raw
   * request with a made-up Host, is not your app. Default: loopback names for a `public` handler,
   * any host when `authorize` decides.
   */
  trustedHosts?: TrustedHosts | undefined;
  /**
   * Per-client token buckets (default 10 at once, 1 per second); `false` disables them. Refused
   * requests (401, or a failing `authorize`) and signatures are counted in separate buckets, so a
   * flood of refusals from one address throttles only further refusals, never an authorized caller.
   */
  rateLimit?: RateLimitOptions | false | undefined;
  /**
   * Request headers that carry the client address and that a proxy or platform in front of the app
   * sets itself (it overwrites what the client sent): `'x-real-ip'` behind nginx, `'cf-connecting-ip'`
   * on Cloudflare, `'x-forwarded-for'` (right-most entry) on Vercel. The first one present wins. By
   * default no header is trusted: the key is the peer address when the adapter passes it
   * (`toNodeHandler`), else one bucket shared by every caller.
   */
  trustProxyHeaders?: ClientAddressHeader | readonly ClientAddressHeader[] | undefined;
  /**
   * Rate-limit key of a request, replacing the address (e.g. a session or user id); cannot be
   * combined with `trustProxyHeaders`. Default: see `trustProxyHeaders`.
   */
  clientKey?: ClientKeyFunction | undefined;
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
  /**
   * The signed `wss://` URL: a credential for about five minutes (the gateway accepts its signature
   * while the signed date is within ±300 s of its clock). The SDK fetches a fresh one for every
   * connection attempt (retries included) and never reuses it. Whether the Spark gateway accepts one
   * signed URL for several connections is not known (its documentation does not say), so do not rely
   * on either behaviour (the mock accepts reuse by default and refuses it with
   * `signedUrlReuse: 'reject'`).
   */
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
}

/**
 * Creates a Web-standard handler that hands out short-lived signed URLs, so browsers call Spark
 * without ever holding the API secret: `GET /any/path?model=lite` →
 * `{ url, expiresAt, model, domain, appId }`.
 *
 * It is not an open signing oracle: it signs only registry models (and the configured custom ones),
 * only for allowed hosts, only for authorized callers, only under trusted host names, only from
 * allowed origins, at a limited rate (refusals and signatures counted apart, per client address;
 * behind a proxy name the header it sets in `trustProxyHeaders`).
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
 *   trustProxyHeaders: 'x-real-ip', // on Vercel: the client address it sets
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
  const guard = createRequestGuard(options, {
    handlerName: 'createSigningHandler',
    method: 'GET',
    action: 'get signed Spark URLs',
    what: 'signing requests',
  });
  const now = options.now ?? (() => new Date());
  const credentials = { apiKey: options.apiKey, apiSecret: options.apiSecret };

  return async (request, context = {}) => {
    const admitted = await guard(request, context);
    if (admitted instanceof Response) return admitted;
    const { cors } = admitted;
    const requestUrl = new URL(request.url);
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
