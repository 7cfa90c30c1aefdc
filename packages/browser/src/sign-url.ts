import type { SignUrlOptions, SparkCredentials } from '@xinghuo/core/portable';

/**
 * The `signUrl` of `@xinghuo/core`, loaded on first use: the HMAC signer stays out of the page's first
 * download (bundlers split the dynamic import into its own chunk). Same arguments, same result, same
 * errors. Signing in a page exposes the API secret; prefer a server-side signer.
 *
 * @example
 * ```ts
 * import { signUrl } from '@xinghuo/browser';
 *
 * const signed = await signUrl('wss://spark-api.xf-yun.com/v3.5/chat', { apiKey, apiSecret });
 * ```
 */
export async function signUrl(
  url: string | URL,
  credentials: SparkCredentials,
  options?: SignUrlOptions,
): Promise<string> {
  return (await import('@xinghuo/core/sign-url')).signUrl(url, credentials, options);
}
