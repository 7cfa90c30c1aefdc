/**
 * The `signUrl` provider contract: what a provider is asked, and the wrapper that turns its failures
 * into typed errors. Free of any signing code, so a client that only uses providers bundles no HMAC.
 */
import { SparkConfigError, SparkConnectionError, SparkError } from '../errors';
import type { SparkModel } from '../models/models';

/** What a {@link SignUrlProvider} is asked to sign. */
export interface SignUrlRequest {
  /** The unsigned WebSocket URL to dial (the model URL after `baseURL`). */
  url: string;
  /** The model being called. */
  model: SparkModel;
  /** 1 for the first attempt, 2 for the first retry… A provider is called afresh on every attempt. */
  attempt: number;
  /** The date to sign: the local clock plus any offset learned from a clock-skew rejection. */
  date: Date;
  /** Aborts when the request is aborted or times out. */
  signal?: AbortSignal | undefined;
}

/**
 * Returns a signed URL for a request, e.g. by asking the app's server (see `createSigningHandler` in
 * `@xinghuo/node`). Called on every attempt because a signature is valid for 300 s only.
 *
 * @example
 * ```ts
 * const signUrl: SignUrlProvider = async ({ url, date, signal }) => {
 *   const response = await fetch('/api/spark-sign', {
 *     method: 'POST',
 *     body: JSON.stringify({ url, date: date.toUTCString() }),
 *     signal,
 *   });
 *   return (await response.json()).url;
 * };
 * ```
 */
export type SignUrlProvider = (request: SignUrlRequest) => Promise<string>;

// Signers that already throw typed errors and return valid URLs (checked providers, the credential
// signer): wrapping them again would only add a layer.
const trusted = /* @__PURE__ */ new WeakSet<SignUrlProvider>();

/** Marks a signer as one that needs no checking wrapper. */
export function trustSigner(signer: SignUrlProvider): SignUrlProvider {
  trusted.add(signer);
  return signer;
}

/**
 * Checks that `provider` is a function and wraps it: a failure that is not a `SparkError` becomes a
 * retryable `SparkConnectionError` (usually the app's signing endpoint being unreachable), an answer
 * that is not a URL string a `SparkConfigError`.
 *
 * @throws SparkConfigError when `provider` is not a function
 */
export function checkSignUrlProvider(provider: SignUrlProvider): SignUrlProvider {
  if (typeof provider !== 'function') throw new SparkConfigError('signUrl must be an async function.');
  if (trusted.has(provider)) return provider;
  return trustSigner(async (request) => {
    let signed: unknown;
    try {
      signed = await provider(request);
    } catch (error) {
      if (SparkError.isInstance(error)) throw error;
      throw new SparkConnectionError(`The signUrl provider failed${errorDetail(error)}`, { cause: error });
    }
    if (typeof signed !== 'string' || !isUrl(signed)) {
      throw new SparkConfigError('The signUrl provider must resolve to a signed ws:// or wss:// URL string.');
    }
    return signed;
  });
}

/** `: <message>` of an `Error`, or nothing: the detail appended to wrapped failures. */
export function errorDetail(error: unknown): string {
  return error instanceof Error ? `: ${error.message}` : '';
}

function isUrl(text: string): boolean {
  try {
    new URL(text);
    return true;
  } catch {
    return false;
  }
}
