/**
 * `createSparkEngine`: the client without built-in credential signing or history trimming. Both come
 * in as functions, so a browser app that signs through its server bundles neither.
 */

import { SparkConfigError, SparkInvalidRequestError } from '../errors';
import { resolveTimeouts } from '../exchange/deadlines';
import { resolveMaxRetries, resolveRetryDelay } from '../exchange/retry-policy';
import { type ClockState, runExchange } from '../exchange/run-exchange';
import { resolveModel, type SparkModel } from '../models/models';
import { withBaseURL } from '../protocol/websocket/base-url';
import { openWebSocket } from '../protocol/websocket/open-websocket';
import { checkSignUrlProvider } from '../signing/checked-provider';
import type { ChatParams, RequestOptions } from '../types';
import { type ChatStream, startChatStream } from './chat-stream';
import type { SparkClient, SparkClientOptions, SparkEngineOptions } from './client-options';
import { prepareRequest } from './prepare-request';

/**
 * Checks the options every client needs (app id, transport, clock, base URL).
 *
 * @throws SparkConfigError naming the missing or invalid option
 */
export function checkClientOptions(options: SparkClientOptions | SparkEngineOptions): void {
  if (typeof options !== 'object' || options === null) {
    throw new SparkConfigError('The client needs an options object: { appId, signUrl, transport }.');
  }
  if (typeof options.appId !== 'string' || options.appId.trim() === '') {
    throw new SparkConfigError('appId is missing: pass the APPID from the iFlytek console.');
  }
  if (typeof options.transport !== 'function') {
    throw new SparkConfigError(
      'No transport: use createSparkClient from @xinghuo/node or @xinghuo/browser, or pass `transport`.',
    );
  }
  if (options.now !== undefined && typeof options.now !== 'function') {
    throw new SparkConfigError('now must be a function returning epoch milliseconds.');
  }
  if (options.baseURL !== undefined) withBaseURL('wss://spark-api.xf-yun.com/v1.1/chat', options.baseURL);
}

/**
 * Creates a Spark client from a `signUrl` provider, with history trimming only when `trimHistory` is
 * given. `createSparkClient` of this package and of `@xinghuo/browser` are built on it; use it
 * directly to keep a bundle minimal.
 *
 * Each request: resolve the model, optionally trim the history, validate and encode the request
 * (failing before any network), then per attempt sign the URL (afresh: signatures expire in 300 s),
 * connect, send, and stream frames until the final one. Retryable failures before any content are
 * retried with exponential backoff; an abort or a deadline closes the socket and settles at once.
 *
 * @throws SparkConfigError for a missing app id, transport or provider, or invalid settings
 * @example
 * ```ts
 * import { createSparkEngine, trimHistory } from '@xinghuo/core';
 *
 * const client = createSparkEngine({
 *   appId: 'your-app-id',
 *   signUrl: async ({ url }) => (await (await fetch(`/sign?url=${encodeURIComponent(url)}`)).json()).url,
 *   transport: myWebSocketTransport,
 *   trimHistory, // optional: enables `trimHistory` in requests
 * });
 * ```
 */
export function createSparkEngine(options: SparkEngineOptions): SparkClient {
  checkClientOptions(options);
  const sign = checkSignUrlProvider(options.signUrl);
  const trim = options.trimHistory;
  if (trim !== undefined && typeof trim !== 'function') {
    throw new SparkConfigError('trimHistory must be the trimHistory function of the package.');
  }
  const timeouts = resolveTimeouts(options.timeouts);
  const maxRetries = resolveMaxRetries(options.maxRetries);
  const retryDelay = resolveRetryDelay(options.retryDelay);
  const defaultModel: SparkModel | undefined =
    options.defaultModel === undefined ? undefined : resolveModel(options.defaultModel);
  const { appId, baseURL, logger, transport } = options;
  // The per-client part of every exchange plan; the per-request part is added in `stream`.
  const client = {
    timeouts,
    maxRetries,
    retryDelay,
    // Per client, not global: what this client learned about the server's clock from a 403.
    clock: { offsetMs: 0 } as ClockState,
    now: options.now ?? Date.now,
    logger,
  };

  // The dialled URL of each model URL, computed once: parsing two URLs per request is measurable.
  // Bounded, since custom models may come with any number of URLs.
  const dialledUrls = new Map<string, string>();
  const dialledUrl = (modelUrl: string): string => {
    let url = dialledUrls.get(modelUrl);
    if (url === undefined) {
      url = withBaseURL(modelUrl, baseURL);
      if (dialledUrls.size < 64) dialledUrls.set(modelUrl, url);
    }
    return url;
  };

  const stream = (params: ChatParams, requestOptions: RequestOptions = {}): ChatStream =>
    startChatStream(
      async (emit, signal) => {
        if (typeof params !== 'object' || params === null) {
          throw new SparkInvalidRequestError('A chat request is an object with `messages`.', {
            field: 'messages',
          });
        }
        const { model, requestText, answer } = prepareRequest(params, { appId, defaultModel, logger, trim });
        const url = dialledUrl(model.url);
        const open = openWebSocket({ url, model, sign, transport, requestText, logger });
        return runExchange({ ...client, open, answer }, emit, signal);
      },
      { signal: requestOptions.signal, totalTimeoutMs: timeouts.totalMs },
    );

  return {
    stream,
    chat: (params, requestOptions) => stream(params, requestOptions).finalResult(),
  };
}
