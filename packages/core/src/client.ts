/**
 * `createSparkClient`: the entry point of the SDK.
 */

import { withBaseURL } from './base-url';
import { ChatStream } from './chat-stream';
import { resolveTimeouts, type SparkTimeouts } from './deadlines';
import { SparkConfigError, SparkInvalidRequestError } from './errors';
import { resolveModel, type SparkModel } from './models';
import { prepareRequest } from './prepare-request';
import { resolveSigner, type SignUrlProvider } from './resolve-signer';
import { type RetryDelayOptions, resolveMaxRetries, resolveRetryDelay } from './retry-policy';
import { type ClockState, runExchange } from './run-exchange';
import type { SparkTransport } from './transport';
import type { ChatParams, ChatResult, ModelInput, RequestOptions, SparkLogger } from './types';

export type { SparkTimeouts } from './deadlines';
export type { SignUrlProvider, SignUrlRequest } from './resolve-signer';
export type { RetryDelayOptions } from './retry-policy';

/** Options of {@link createSparkClient}. */
export interface SparkClientOptions {
  /** The APPID from the iFlytek console (sent in every request frame). */
  appId: string;
  /** The APIKey from the iFlytek console. Server side only; with `apiSecret`. */
  apiKey?: string | undefined;
  /** The APISecret from the iFlytek console. Server side only: never ship it to a browser. */
  apiSecret?: string | undefined;
  /** Instead of `apiKey` + `apiSecret`: an async function that returns a signed URL per attempt. */
  signUrl?: SignUrlProvider | undefined;
  /** Opens WebSockets. `@xinghuo/node` and `@xinghuo/browser` pass theirs; tests pass a memory one. */
  transport: SparkTransport;
  /** Replaces scheme, host and port of every model URL (a mock server, a proxy); the path is kept. */
  baseURL?: string | undefined;
  /** The model of requests that name none: an id, alias or custom `{ url, domain }`. */
  defaultModel?: ModelInput | undefined;
  /** Deadlines in ms; see {@link SparkTimeouts}. Defaults: connect 10 s, first token 60 s, idle 30 s, no total. */
  timeouts?: Partial<SparkTimeouts> | undefined;
  /** Retries of retryable failures before any content arrived. Default 2; 0 disables retries. */
  maxRetries?: number | undefined;
  /** Backoff of retries: full jitter, base 500 ms, cap 8 s. */
  retryDelay?: RetryDelayOptions | undefined;
  /** Receives debug lines (attempts, retries; URLs redacted), trimming info and capability warnings. */
  logger?: SparkLogger | undefined;
  /** The clock used for signing dates (ms since the epoch). Default `Date.now`. */
  now?: (() => number) | undefined;
}

/** A configured client. Holds no connection: every request opens and closes its own socket. */
export interface SparkClient {
  /**
   * Sends one request and resolves with the whole answer.
   *
   * @throws SparkError subclasses: `SparkInvalidRequestError` before any network, `SparkAuthError`,
   *   `SparkContentFilterError`, `SparkTimeoutError`, `SparkAbortError`…
   */
  chat(params: ChatParams, options?: RequestOptions): Promise<ChatResult>;
  /** Sends one request and streams the answer as events. Errors arrive through the stream. */
  stream(params: ChatParams, options?: RequestOptions): ChatStream;
}

function checkOptions(options: SparkClientOptions): void {
  if (typeof options !== 'object' || options === null) {
    throw new SparkConfigError(
      'createSparkClient needs an options object: { appId, apiKey, apiSecret, transport }.',
    );
  }
  if (typeof options.appId !== 'string' || options.appId.trim() === '') {
    throw new SparkConfigError('appId is missing: pass the APPID from the iFlytek console (SPARK_APP_ID).');
  }
  if (typeof options.transport !== 'function') {
    throw new SparkConfigError(
      'No transport: use createSparkClient from @xinghuo/node (Node) or @xinghuo/browser (browsers), ' +
        'or pass `transport`, a function that opens a WebSocket.',
    );
  }
  if (options.now !== undefined && typeof options.now !== 'function') {
    throw new SparkConfigError('now must be a function returning milliseconds since the epoch.');
  }
  if (options.baseURL !== undefined) withBaseURL('wss://spark-api.xf-yun.com/v1.1/chat', options.baseURL);
}

/**
 * Creates a Spark client. The configuration is checked here, so a missing app id, credentials or
 * transport fails at start-up with a `SparkConfigError` rather than on the first request.
 *
 * Each request: resolve the model, optionally trim the history, validate and encode the request
 * (failing before any network), then per attempt sign the URL (afresh: signatures expire in 300 s),
 * connect, send, and stream frames until the final one. Retryable failures before any content are
 * retried with exponential backoff; an abort or a deadline closes the socket and settles at once.
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
  checkOptions(options);
  const sign = resolveSigner(options);
  const timeouts = resolveTimeouts(options.timeouts);
  const maxRetries = resolveMaxRetries(options.maxRetries);
  const retryDelay = resolveRetryDelay(options.retryDelay);
  const defaultModel: SparkModel | undefined =
    options.defaultModel === undefined ? undefined : resolveModel(options.defaultModel);
  const { appId, transport, baseURL, logger } = options;
  const now = options.now ?? Date.now;
  // Per client, not global: what this client learned about the server's clock from a 403.
  const clock: ClockState = { offsetMs: 0 };

  const stream = (params: ChatParams, requestOptions: RequestOptions = {}): ChatStream =>
    new ChatStream(
      async (emit, signal) => {
        if (typeof params !== 'object' || params === null) {
          throw new SparkInvalidRequestError('A chat request is an object with `messages`.', {
            field: 'messages',
          });
        }
        const prepared = prepareRequest(params, { appId, defaultModel, logger });
        return runExchange(
          {
            url: withBaseURL(prepared.model.url, baseURL),
            model: prepared.model,
            sign,
            transport,
            requestText: prepared.requestText,
            timeouts,
            answer: prepared.answer,
            maxRetries,
            retryDelay,
            clock,
            now,
            logger,
          },
          emit,
          signal,
        );
      },
      { signal: requestOptions.signal, totalTimeoutMs: timeouts.totalMs },
    );

  return {
    stream,
    chat: (params, requestOptions) => stream(params, requestOptions).finalResult(),
  };
}
