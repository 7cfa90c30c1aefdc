/**
 * Where signed URLs come from: the API secret held by this process, or an async provider (a server
 * endpoint, in browsers) that signs on the client's behalf.
 */
import { SparkConfigError, SparkConnectionError, SparkError } from './errors';
import type { SparkModel } from './models';
import { signUrl } from './sign-url';

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

/** The credentials-or-provider choice of the client options. */
export interface SignerOptions {
  apiKey?: string | undefined;
  apiSecret?: string | undefined;
  signUrl?: SignUrlProvider | undefined;
}

function nonEmpty(value: unknown): value is string {
  return typeof value === 'string' && value.length > 0;
}

/**
 * Validates the choice and returns one signing function. Exactly one of `apiKey` + `apiSecret` or
 * `signUrl` must be given.
 *
 * @throws SparkConfigError when neither, both, or only half of the credentials are given
 */
export function resolveSigner(options: SignerOptions): SignUrlProvider {
  const { apiKey, apiSecret, signUrl: provider } = options;
  const hasKey = apiKey !== undefined;
  const hasSecret = apiSecret !== undefined;
  if (provider !== undefined) {
    if (typeof provider !== 'function') throw new SparkConfigError('signUrl must be an async function.');
    if (hasKey || hasSecret) {
      throw new SparkConfigError(
        'Pass either apiKey and apiSecret, or a signUrl provider, not both: the provider would silently win.',
      );
    }
    return checkedProvider(provider);
  }
  if (!hasKey && !hasSecret) {
    throw new SparkConfigError(
      'No way to sign requests: pass apiKey and apiSecret (server side), or a signUrl provider that asks your ' +
        'server for a signed URL (browsers).',
    );
  }
  if (!nonEmpty(apiKey) || !nonEmpty(apiSecret)) {
    throw new SparkConfigError(
      `${nonEmpty(apiKey) ? 'apiSecret' : 'apiKey'} is missing or empty: both apiKey and apiSecret are needed to sign.`,
    );
  }
  const credentials = { apiKey, apiSecret };
  return ({ url, date }) => signUrl(url, credentials, { date });
}

function checkedProvider(provider: SignUrlProvider): SignUrlProvider {
  return async (request) => {
    let signed: unknown;
    try {
      signed = await provider(request);
    } catch (error) {
      if (SparkError.isInstance(error)) throw error;
      const detail = error instanceof Error ? `: ${error.message}` : '';
      // Usually the app's signing endpoint being unreachable: worth a retry like any network failure.
      throw new SparkConnectionError(`The signUrl provider failed${detail}`, { cause: error });
    }
    if (typeof signed !== 'string' || !isUrl(signed)) {
      throw new SparkConfigError('The signUrl provider must resolve to a signed ws:// or wss:// URL string.');
    }
    return signed;
  };
}

function isUrl(text: string): boolean {
  try {
    new URL(text);
    return true;
  } catch {
    return false;
  }
}
