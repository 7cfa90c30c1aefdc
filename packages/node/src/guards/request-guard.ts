import { SparkConfigError } from '@xinghuo/core';
import {
  type ClientAddressHeader,
  type ClientKeyFunction,
  defaultClientKey,
  type SigningRequestContext,
  trustedHeaderClientKey,
  trustedHeaderNames,
} from './client-key';
import { type AllowedOrigins, corsHeaders, isOriginAllowed, preflightHeaders } from './cors';
import { errorResponse } from './json-response';
import { type RateLimitOptions, TokenBuckets } from './token-bucket';
import { createHostPolicy, type TrustedHosts } from './trusted-hosts';

/** The access rules the signing handler and the HTTP relay share (see their options for details). */
export interface GuardOptions {
  authorize?: ((request: Request) => boolean | Promise<boolean>) | undefined;
  public?: boolean | undefined;
  allowedOrigins?: AllowedOrigins | undefined;
  trustedHosts?: TrustedHosts | undefined;
  rateLimit?: RateLimitOptions | false | undefined;
  trustProxyHeaders?: ClientAddressHeader | readonly ClientAddressHeader[] | undefined;
  clientKey?: ClientKeyFunction | undefined;
  now?: (() => Date) | undefined;
}

/** What a guard is protecting, for its messages. */
export interface GuardSubject {
  /** The factory's name, prefixed to configuration errors (`createSigningHandler`). */
  handlerName: string;
  /** The one method the handler serves besides `OPTIONS`. */
  method: 'GET' | 'POST';
  /** Completes "who may …" and "This host name is not configured for …" (`get a signed URL`). */
  action: string;
  /** Completes "Too many … ; retry later." (`signing requests`). */
  what: string;
}

/** A request the guard let through, with the CORS headers every answer to it must carry. */
export interface GuardPass {
  cors: Record<string, string>;
}

/**
 * Runs a request through host, origin, method, `authorize` and rate-limit checks, in that order.
 * Resolves to a ready refusal (or preflight answer), or to the CORS headers of an admitted request.
 */
export type RequestGuard = (
  request: Request,
  context: SigningRequestContext,
) => Promise<Response | GuardPass>;

/** Checks the options every guarded handler shares; throws `SparkConfigError`. */
function checkGuardOptions(options: GuardOptions, subject: GuardSubject): void {
  if (options.clientKey !== undefined && options.trustProxyHeaders !== undefined) {
    throw new SparkConfigError(
      `${subject.handlerName}: pass either \`clientKey\` or \`trustProxyHeaders\`, not both ` +
        '(a clientKey can call defaultClientKey itself).',
    );
  }
  if (!options.authorize && options.public !== true) {
    throw new SparkConfigError(
      `${subject.handlerName}: pass \`authorize(request)\` to decide who may ${subject.action}, ` +
        'or `public: true` for local development only.',
    );
  }
}

/**
 * Asks the app's `authorize`. A given one always applies (`public` only allows having none); one
 * that throws is a failure, reported without its details.
 */
async function authorization(
  authorize: GuardOptions['authorize'],
  request: Request,
): Promise<'allowed' | 'refused' | 'failed'> {
  if (!authorize) return 'allowed';
  try {
    return (await authorize(request)) === true ? 'allowed' : 'refused';
  } catch {
    return 'failed';
  }
}

/** Builds the shared guard of {@link createSigningHandler} and {@link createRelayHandler}. */
export function createRequestGuard(options: GuardOptions, subject: GuardSubject): RequestGuard {
  checkGuardOptions(options, subject);
  const hosts = createHostPolicy(options.trustedHosts, options.public === true, subject.handlerName);
  // Two budgets per client: refusals cannot use up what authorized callers behind the same address get.
  const refusals = options.rateLimit === false ? undefined : new TokenBuckets(options.rateLimit);
  const admissions = options.rateLimit === false ? undefined : new TokenBuckets(options.rateLimit);
  const now = options.now ?? (() => new Date());
  const clientKey =
    options.clientKey ??
    (options.trustProxyHeaders === undefined
      ? defaultClientKey
      : trustedHeaderClientKey(trustedHeaderNames(options.trustProxyHeaders, subject.handlerName)));

  return async (request, context) => {
    const requestUrl = new URL(request.url);
    if (!hosts.allows(requestUrl)) {
      return errorResponse(403, 'untrusted_host', `This host name is not configured to ${subject.action}.`);
    }
    const origin = request.headers.get('origin');
    if (!isOriginAllowed(origin, requestUrl, options.allowedOrigins, hosts.sameOriginCounts)) {
      return errorResponse(403, 'forbidden_origin', `This origin may not ${subject.action}.`);
    }
    const cors = corsHeaders(origin, requestUrl, options.allowedOrigins);
    if (request.method === 'OPTIONS') {
      return new Response(null, {
        status: 204,
        headers: { ...cors, ...preflightHeaders(request, subject.method) },
      });
    }
    if (request.method !== subject.method) {
      return errorResponse(405, 'method_not_allowed', `Use ${subject.method}.`, {
        ...cors,
        allow: `${subject.method}, OPTIONS`,
      });
    }

    const key = clientKey(request, context);
    const rateLimited = (buckets: TokenBuckets | undefined): Response | undefined => {
      const taken = buckets?.take(key, now().getTime());
      if (!taken || taken.allowed) return undefined;
      return errorResponse(429, 'rate_limited', `Too many ${subject.what}; retry later.`, {
        ...cors,
        'retry-after': String(taken.retryAfterSeconds),
      });
    };

    // authorize() runs before the limiter: its answer decides which budget the request spends.
    const verdict = await authorization(options.authorize, request);
    if (verdict !== 'allowed') {
      const limited = rateLimited(refusals);
      if (limited) return limited;
      if (verdict === 'failed')
        return errorResponse(500, 'internal_error', 'The authorization check failed.', cors);
      return errorResponse(401, 'unauthorized', 'Not authorized to use Spark.', cors);
    }
    return rateLimited(admissions) ?? { cors };
  };
}
