/**
 * `createSparkClient`: the entry point of the SDK.
 */

import { trimHistory } from '../history/trim-history';
import { resolveSigner } from '../signing/resolve-signer';
import type { SparkClient, SparkClientOptions } from './client-options';
import { checkClientOptions, createSparkEngine, isHttpOnly } from './engine';

export type { SparkTimeouts } from '../exchange/deadlines';
export type { RetryDelayOptions } from '../exchange/retry-policy';
export type { SignUrlProvider, SignUrlRequest } from '../signing/resolve-signer';
export type { HistoryTrimmer, SparkClient, SparkClientOptions, SparkEngineOptions } from './client-options';

/**
 * Creates a Spark client. The configuration is checked here, so a missing app id, credentials or
 * transport fails at start-up with a `SparkConfigError` rather than on the first request.
 *
 * Requests are signed with `apiKey` + `apiSecret` (server side) or through a `signUrl` provider, and
 * `trimHistory` in a request works out of the box. Built on {@link createSparkEngine}, which leaves
 * both out of a bundle that does not need them.
 *
 * @example
 * ```ts
 * import { createSparkClient } from '@xinghuo/core';
 * import { createWsTransport } from '@xinghuo/node';
 *
 * const client = createSparkClient({
 *   appId: process.env.SPARK_APP_ID!,
 *   apiKey: process.env.SPARK_API_KEY!,
 *   apiSecret: process.env.SPARK_API_SECRET!,
 *   transport: createWsTransport(),
 *   defaultModel: 'max',
 * });
 * const result = await client.chat({ messages: [{ role: 'user', content: '你好' }] });
 * console.log(result.text, result.usage);
 * ```
 */
export function createSparkClient(options: SparkClientOptions): SparkClient {
  checkClientOptions(options);
  const { apiKey, apiSecret, signUrl, hmac, apiPassword, ...rest } = options;
  // A client that speaks only HTTP signs nothing, unless it was also given what signing needs.
  const signs =
    !isHttpOnly(options) || [apiKey, apiSecret, signUrl, hmac].some((option) => option !== undefined);
  // Over HTTP: the APIPassword, or the WebSocket pair joined by a colon (spec §6.2).
  const httpCredential = apiPassword ?? (apiKey && apiSecret ? `${apiKey}:${apiSecret}` : undefined);
  return createSparkEngine({
    ...rest,
    signUrl: signs ? resolveSigner(options) : undefined,
    apiPassword: httpCredential,
    trimHistory,
  });
}
