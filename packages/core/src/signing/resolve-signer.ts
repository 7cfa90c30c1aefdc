/**
 * Where signed URLs come from: the API secret held by this process, or an async provider (a server
 * endpoint, in browsers) that signs on the client's behalf.
 */

import { SparkConfigError } from '../errors';
import { checkSignUrlProvider, type SignUrlProvider, trustSigner } from './checked-provider';
import { type HmacSha256, signUrl } from './sign-url';
import { reuseSignatureWithinSecond } from './signature-reuse';

export type { SignUrlProvider, SignUrlRequest } from './checked-provider';

/** The credentials-or-provider choice of the client options. */
export interface SignerOptions {
  apiKey?: string | undefined;
  apiSecret?: string | undefined;
  signUrl?: SignUrlProvider | undefined;
  /** The HMAC-SHA256 of the credential signer (default WebCrypto); only with `apiKey` + `apiSecret`. */
  hmac?: HmacSha256 | undefined;
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
  const { apiKey, apiSecret, signUrl: provider, hmac } = options;
  if (hmac !== undefined && typeof hmac !== 'function') {
    throw new SparkConfigError('hmac must be a function (key, message) => HMAC-SHA256 bytes.');
  }
  const hasKey = apiKey !== undefined;
  const hasSecret = apiSecret !== undefined;
  if (provider !== undefined) {
    if (hmac !== undefined) {
      throw new SparkConfigError(
        'hmac only applies to signing with apiKey and apiSecret; a signUrl provider signs on its own.',
      );
    }
    if (hasKey || hasSecret) {
      throw new SparkConfigError(
        'Pass either apiKey and apiSecret, or a signUrl provider, not both: the provider would silently win.',
      );
    }
    return checkSignUrlProvider(provider);
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
  return trustSigner(
    reuseSignatureWithinSecond(({ url, date }) => signUrl(url, credentials, { date, hmac })),
  );
}
