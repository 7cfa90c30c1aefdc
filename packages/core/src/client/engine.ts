/**
 * `createSparkEngine`: the client without built-in credential signing or history trimming. Both come
 * in as functions, so a browser app that signs through its server bundles neither.
 */

import { SparkConfigError, SparkInvalidRequestError } from '../errors';
import { invalid } from '../errors/invalid';
import { resolveTimeouts } from '../exchange/deadlines';
import type { AbortLike } from '../exchange/exchange-signal';
import type { OpenFrameConnection } from '../exchange/frame-connection';
import { resolveMaxRetries, resolveRetryDelay } from '../exchange/retry-policy';
import { type ExchangeSettings, runExchange } from '../exchange/run-exchange';
import { resolveModel, type SparkModel } from '../models/models';
import { withBaseURL } from '../protocol/websocket/base-url';
import { checkSignUrlProvider, type SignUrlProvider } from '../signing/checked-provider';
import type { ChatParams, ChatResult, RequestOptions, SparkProtocol, SparkStreamEvent } from '../types';
import { type ChatStream, startChatStream } from './chat-stream';
import type { SparkClient, SparkClientOptions, SparkEngineOptions } from './client-options';
import { prepareRequest, resolveRequestModel } from './prepare-request';
import { readChatParams, withField } from './request-values';

/**
 * True when a client with these options speaks only HTTP: asked to, or given an HTTP credential and no
 * app id. The one statement of that rule: `@xinghuo/node` and `@xinghuo/langchain` call it too.
 */
export function isHttpOnly(options: Pick<SparkClientOptions, 'protocol' | 'appId' | 'apiPassword'>): boolean {
  return (
    options.protocol === 'http' ||
    (options.protocol === undefined && options.appId === undefined && options.apiPassword !== undefined)
  );
}

/**
 * Checks the options every client needs (app id and transport unless it speaks only HTTP, protocol,
 * clock, base URL, fetch).
 *
 * @throws SparkConfigError naming the missing or invalid option
 */
export function checkClientOptions(options: SparkClientOptions | SparkEngineOptions): void {
  if (typeof options !== 'object' || options === null) {
    throw new SparkConfigError('The client needs an options object: { appId, signUrl, transport }.');
  }
  checkProtocol(options.protocol, 'protocol');
  if (!isHttpOnly(options)) {
    if (typeof options.appId !== 'string' || options.appId.trim() === '') {
      throw new SparkConfigError(
        'appId is missing: pass the APPID from the iFlytek console, or use protocol "http".',
      );
    }
    if (typeof options.transport !== 'function') {
      throw new SparkConfigError(
        'No transport: use createSparkClient from @xinghuo/node or @xinghuo/browser, or pass `transport`.',
      );
    }
  }
  if (options.fetch !== undefined && typeof options.fetch !== 'function') {
    throw new SparkConfigError('fetch must be a function.');
  }
  if (options.apiPassword !== undefined && !options.apiPassword) {
    throw new SparkConfigError('apiPassword must be a non-empty string.');
  }
  checkCredentialCharacters(options);
  if (options.now !== undefined && typeof options.now !== 'function') {
    throw new SparkConfigError('now must be a function returning epoch milliseconds.');
  }
  if (options.baseURL !== undefined) withBaseURL('wss://spark-api.xf-yun.com/v1.1/chat', options.baseURL);
}

/**
 * A credential read from a file often ends with a line break; sent in a header it would make the
 * request fail far from the cause ("fetch failed"). Refused here, naming the option, never the value.
 */
function checkCredentialCharacters(options: SparkClientOptions | SparkEngineOptions): void {
  const credentials = options as Pick<SparkClientOptions, 'apiKey' | 'apiSecret' | 'apiPassword'>;
  for (const field of ['apiKey', 'apiSecret', 'apiPassword'] as const) {
    const value = credentials[field];
    // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is looked for
    if (typeof value === 'string' && /[\u0000-\u001f\u007f]/.test(value)) {
      throw new SparkConfigError(
        `${field} contains a line break or another control character: trim the value (read from a file?).`,
      );
    }
  }
}

function checkProtocol(protocol: unknown, field: string): void {
  if (protocol !== undefined && protocol !== 'ws' && protocol !== 'http') {
    throw new SparkConfigError(`${field} must be "ws" or "http" (got ${JSON.stringify(protocol)}).`);
  }
}

/** A module loaded with `import()` on its first use, then kept, so later requests skip the `await`. */
interface LazyModule<Module> {
  loaded: Module | undefined;
  load(): Promise<Module>;
}

function lazyModule<Module>(importModule: () => Promise<Module>): LazyModule<Module> {
  let loading: Promise<Module> | undefined;
  const lazy: LazyModule<Module> = {
    loaded: undefined,
    load: () => {
      loading ??= importModule().then((module) => (lazy.loaded = module));
      return loading;
    },
  };
  return lazy;
}

// Each protocol is loaded on its first request: WebSocket-only bundles (browser pages) never download
// the HTTP one, and a page's first download carries neither.
const httpProtocol = lazyModule(() => import('../protocol/http/http-protocol'));
const webSocketProtocol = lazyModule(() => import('../protocol/websocket/websocket-protocol'));

/**
 * The protocol of one request: asked for, else the client's, else WebSocket where the model has a
 * WebSocket endpoint. Refuses a protocol the model has no endpoint for.
 */
function chooseProtocol(
  model: SparkModel,
  requested: unknown,
  clientDefault: SparkProtocol | undefined,
): SparkProtocol {
  if (requested !== undefined && requested !== 'ws' && requested !== 'http') {
    invalid('protocol', '"ws" or "http"', JSON.stringify(requested));
  }
  const protocol = (requested as SparkProtocol | undefined) ?? clientDefault ?? (model.url ? 'ws' : 'http');
  if (!(protocol === 'ws' ? model.url : model.http)) {
    throw new SparkConfigError(
      `Model "${model.id}" has no ${protocol === 'ws' ? 'WebSocket' : 'HTTP'} endpoint: use the other protocol.`,
    );
  }
  return protocol;
}

/**
 * Creates a Spark client from a `signUrl` provider, with history trimming only when `trimHistory` is
 * given. `createSparkClient` of this package and of `@xinghuo/browser` are built on it; use it
 * directly to keep a bundle minimal.
 *
 * Each request: resolve the model and the protocol, optionally trim the history, validate and encode
 * the request (failing before any network), then per attempt open the protocol's connection (WebSocket:
 * sign the URL afresh, since signatures expire in 300 s, connect and send; HTTP: POST with the Bearer
 * credential) and stream frames until the final one. Retryable failures before any content are
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
  const httpOnly = isHttpOnly(options);
  // A client that speaks only HTTP needs no signer; one that may use WebSocket needs it from the start.
  const sign =
    httpOnly && options.signUrl === undefined
      ? undefined
      : checkSignUrlProvider(options.signUrl as SignUrlProvider);
  const trim = options.trimHistory;
  if (trim !== undefined && typeof trim !== 'function') {
    throw new SparkConfigError('trimHistory must be the trimHistory function of the package.');
  }
  const timeouts = resolveTimeouts(options.timeouts);
  const maxRetries = resolveMaxRetries(options.maxRetries);
  const retryDelay = resolveRetryDelay(options.retryDelay);
  const defaultModel: SparkModel | undefined =
    options.defaultModel === undefined ? undefined : resolveModel(options.defaultModel);
  const { appId = '', baseURL, logger, transport, apiPassword, fetch } = options;
  const onRetry = options.onRetry;
  if (onRetry !== undefined && typeof onRetry !== 'function') {
    throw new SparkConfigError('onRetry must be a function.');
  }
  const clientProtocol: SparkProtocol | undefined = httpOnly ? 'http' : options.protocol;
  // What every exchange of this client shares, made once; a request adds its opener and answer context.
  const settings: ExchangeSettings = {
    timeouts,
    maxRetries,
    retryDelay,
    // Per client, not global: what this client learned about the server's clock from a 403.
    clock: { offsetMs: 0 },
    now: options.now ?? Date.now,
    logger,
    onRetry,
  };

  // Builds the exchange of a validated request once its protocol module is loaded, and runs it.
  const runWith = (
    params: ChatParams,
    model: SparkModel,
    protocol: SparkProtocol,
    emit: (event: SparkStreamEvent) => void,
    signal: AbortLike,
  ): Promise<ChatResult> => {
    const http = protocol === 'http' ? httpProtocol.loaded : undefined;
    const webSocket = protocol === 'ws' ? webSocketProtocol.loaded : undefined;
    const { requestText, answer, trimmedMessages } = prepareRequest(params, {
      appId,
      model,
      protocol,
      logger,
      trim,
      encodeHttp: http?.encodeHttpRequestText,
      webSocket,
    });
    let open: OpenFrameConnection;
    if (http) {
      open = http.openHttpExchange({ model, requestText, credential: apiPassword, fetch, baseURL, logger });
    } else if (webSocket && sign && transport && appId !== '') {
      open = webSocket.openWebSocket({
        // `withBaseURL` keeps the rewritten URLs in a bounded cache of its own.
        url: withBaseURL(model.url as string, baseURL),
        model,
        sign,
        transport,
        requestText,
        logger,
      });
    } else {
      throw new SparkConfigError('WebSocket needs appId, transport and apiKey + apiSecret or signUrl.');
    }
    const running = runExchange(settings, { open, answer }, emit, signal);
    if (!trimmedMessages) return running;
    // Stamped once here, not carried through every attempt.
    return running.then((result) => {
      result.trimmedMessages = trimmedMessages;
      return result;
    });
  };

  // Not an async function: once the protocol's module is loaded nothing here waits, and a request
  // keeps no suspended frame (with every local in it) alive for as long as its answer streams.
  const run = (input: ChatParams, emit: (event: SparkStreamEvent) => void, signal: AbortLike) => {
    if (typeof input !== 'object' || input === null) {
      throw new SparkInvalidRequestError('A chat request is an object with `messages`.', {
        field: 'messages',
      });
    }
    // Each field read once (a throwing getter is named), so later steps see plain values.
    const params = readChatParams(input);
    const model = withField('model', () => resolveRequestModel(params, defaultModel));
    const protocol = chooseProtocol(model, params.protocol, clientProtocol);
    const lazy = protocol === 'http' ? httpProtocol : webSocketProtocol;
    if (lazy.loaded) return runWith(params, model, protocol, emit, signal);
    return lazy.load().then(() => runWith(params, model, protocol, emit, signal));
  };

  const stream = (input: ChatParams, requestOptions: RequestOptions = {}): ChatStream =>
    startChatStream((emit, signal) => run(input, emit, signal), {
      signal: requestOptions.signal,
      totalTimeoutMs: timeouts.totalMs,
    });

  return {
    stream,
    chat: (params, requestOptions) => stream(params, requestOptions).finalResult(),
    protocol: clientProtocol,
  };
}
