/**
 * `createSparkEngine`: the client without built-in credential signing or history trimming. Both come
 * in as functions, so a browser app that signs through its server bundles neither.
 */

import { SparkConfigError, SparkInvalidRequestError } from '../errors';
import { resolveTimeouts } from '../exchange/deadlines';
import type { OpenFrameConnection } from '../exchange/frame-connection';
import { resolveMaxRetries, resolveRetryDelay } from '../exchange/retry-policy';
import { type ClockState, runExchange } from '../exchange/run-exchange';
import { type HttpEndpoint, resolveModel, type SparkModel } from '../models/models';
import { withHttpBaseURL } from '../protocol/http/http-base-url';
import { openHttp, type SparkFetch } from '../protocol/http/open-http';
import { withBaseURL } from '../protocol/websocket/base-url';
import { openWebSocket } from '../protocol/websocket/open-websocket';
import { checkSignUrlProvider, type SignUrlProvider } from '../signing/checked-provider';
import type { ChatParams, RequestOptions, SparkProtocol } from '../types';
import { type ChatStream, startChatStream } from './chat-stream';
import type { SparkClient, SparkClientOptions, SparkEngineOptions } from './client-options';
import { prepareRequest, resolveRequestModel } from './prepare-request';

/** True when the client speaks only HTTP: asked to, or given an HTTP credential and no app id. */
export function isHttpOnly(options: SparkClientOptions | SparkEngineOptions): boolean {
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
        'appId is missing: pass the APPID from the iFlytek console (WebSocket), or protocol: "http" with apiPassword.',
      );
    }
    if (typeof options.transport !== 'function') {
      throw new SparkConfigError(
        'No transport: use createSparkClient from @xinghuo/node or @xinghuo/browser, or pass `transport` ' +
          '(or protocol: "http", which needs none).',
      );
    }
  }
  if (options.fetch !== undefined && typeof options.fetch !== 'function') {
    throw new SparkConfigError('fetch must be a function with the signature of globalThis.fetch.');
  }
  if (
    options.apiPassword !== undefined &&
    (typeof options.apiPassword !== 'string' || options.apiPassword === '')
  ) {
    throw new SparkConfigError(
      'apiPassword must be a non-empty string: the HTTP APIPassword from the iFlytek console.',
    );
  }
  if (options.now !== undefined && typeof options.now !== 'function') {
    throw new SparkConfigError('now must be a function returning epoch milliseconds.');
  }
  if (options.baseURL !== undefined) withBaseURL('wss://spark-api.xf-yun.com/v1.1/chat', options.baseURL);
}

function checkProtocol(protocol: unknown, field: string): void {
  if (protocol !== undefined && protocol !== 'ws' && protocol !== 'http') {
    throw new SparkConfigError(`${field} must be "ws" or "http" (got ${JSON.stringify(protocol)}).`);
  }
}

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
    throw new SparkInvalidRequestError(
      `Invalid request: protocol must be "ws" or "http" (got ${JSON.stringify(requested)}).`,
      {
        field: 'protocol',
      },
    );
  }
  const protocol = (requested as SparkProtocol | undefined) ?? clientDefault ?? (model.url ? 'ws' : 'http');
  if (protocol === 'ws' && !model.url) {
    throw new SparkConfigError(`Model "${model.id}" is served only over HTTP: use protocol "http".`);
  }
  if (protocol === 'http' && !model.http) {
    throw new SparkConfigError(
      `Model "${model.id}" has no HTTP endpoint: use protocol "ws", or a custom model with httpUrl and httpModel.`,
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
  const { appId = '', baseURL, logger, transport, apiPassword } = options;
  const clientProtocol: SparkProtocol | undefined = httpOnly ? 'http' : options.protocol;
  // Read when a request is sent, not now: a runtime may install its fetch after the client is created.
  const fetchFunction = (): SparkFetch => {
    const chosen = options.fetch ?? (globalThis.fetch as SparkFetch | undefined);
    if (typeof chosen !== 'function') {
      throw new SparkConfigError('No fetch in this runtime: pass `fetch` to use the HTTP protocol.');
    }
    return chosen;
  };
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
  const dialledUrl = (modelUrl: string, protocol: SparkProtocol): string => {
    const key = `${protocol} ${modelUrl}`;
    let url = dialledUrls.get(key);
    if (url === undefined) {
      url = protocol === 'ws' ? withBaseURL(modelUrl, baseURL) : withHttpBaseURL(modelUrl, baseURL);
      if (dialledUrls.size < 64) dialledUrls.set(key, url);
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
        const model = resolveRequestModel(params, defaultModel);
        const protocol = chooseProtocol(model, params.protocol, clientProtocol);
        const { requestText, answer } = prepareRequest(params, { appId, model, protocol, logger, trim });
        let open: OpenFrameConnection;
        if (protocol === 'http') {
          if (apiPassword === undefined) {
            throw new SparkConfigError(
              'The HTTP protocol needs a credential: apiPassword (SPARK_API_PASSWORD), or apiKey and apiSecret.',
            );
          }
          const url = dialledUrl((model.http as HttpEndpoint).url, protocol);
          open = openHttp({
            url,
            model,
            requestText,
            credential: apiPassword,
            fetch: fetchFunction(),
            logger,
          });
        } else {
          if (!sign || !transport || appId === '') {
            throw new SparkConfigError(
              'The WebSocket protocol needs appId, a transport and apiKey + apiSecret (or signUrl); ' +
                'this client has only an HTTP credential: use protocol "http".',
            );
          }
          const url = dialledUrl(model.url as string, protocol);
          open = openWebSocket({ url, model, sign, transport, requestText, logger });
        }
        return runExchange({ ...client, open, answer }, emit, signal);
      },
      { signal: requestOptions.signal, totalTimeoutMs: timeouts.totalMs },
    );

  return {
    stream,
    chat: (params, requestOptions) => stream(params, requestOptions).finalResult(),
  };
}
