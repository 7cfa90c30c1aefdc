/**
 * The option and client types shared by `createSparkClient` and the lean `createSparkEngine`.
 */

import type { SparkRetryInfo } from '../exchange/attempt-history';
import type { SparkTimeouts } from '../exchange/deadlines';
import type { RetryDelayOptions } from '../exchange/retry-policy';
import type { trimHistory } from '../history/trim-history';
import type { SparkFetch } from '../protocol/http/open-http';
import type { SparkTransport } from '../protocol/websocket/transport';
import type { SignUrlProvider } from '../signing/checked-provider';
import type { HmacSha256 } from '../signing/sign-url';
import type {
  ChatParams,
  ChatResult,
  ModelInput,
  RequestOptions,
  SparkLogger,
  SparkProtocol,
} from '../types';
import type { ChatStream } from './chat-stream';

/** Options of {@link createSparkClient}. */
export interface SparkClientOptions {
  /**
   * The wire protocol: `'ws'` (the signed WebSocket) or `'http'` (the OpenAI-compatible API). Default:
   * per model, WebSocket where it has a WebSocket endpoint and HTTP where it has only an HTTP one; a
   * client given only an HTTP credential (`apiPassword`, no `appId`) uses HTTP. A request may override it.
   */
  protocol?: SparkProtocol | undefined;
  /** The APPID from the iFlytek console (sent in every WebSocket request frame; HTTP needs none). */
  appId?: string | undefined;
  /**
   * The APIKey from the iFlytek console. Server side only; with `apiSecret`. Signs WebSocket URLs, and
   * over HTTP is sent as `Bearer apiKey:apiSecret` when no `apiPassword` is given.
   */
  apiKey?: string | undefined;
  /** The APISecret from the iFlytek console. Server side only: never ship it to a browser. */
  apiSecret?: string | undefined;
  /**
   * The HTTP APIPassword from the iFlytek console (sent as `Bearer <apiPassword>`). A long-lived secret:
   * server side only. Wins over `apiKey:apiSecret` for HTTP.
   */
  apiPassword?: string | undefined;
  /** The `fetch` of the HTTP protocol; default `globalThis.fetch`. Tests and proxies pass their own. */
  fetch?: SparkFetch | undefined;
  /** Instead of `apiKey` + `apiSecret`: an async function that returns a signed URL per attempt. */
  signUrl?: SignUrlProvider | undefined;
  /**
   * The HMAC-SHA256 used to sign with `apiKey` + `apiSecret`; default WebCrypto. `@xinghuo/node` passes
   * a `node:crypto` one, which costs a fraction of WebCrypto's CPU per request on Node.
   */
  hmac?: HmacSha256 | undefined;
  /**
   * Opens WebSockets. `@xinghuo/node` and `@xinghuo/browser` pass theirs; tests pass a memory one. Not
   * needed by a client that only speaks HTTP.
   */
  transport?: SparkTransport | undefined;
  /**
   * Replaces scheme, host and port of every model URL, WebSocket and HTTP (a mock server, a proxy);
   * the path is kept. `http://127.0.0.1:8787` serves both (`ws:` for WebSocket, `http:` for HTTP).
   */
  baseURL?: string | undefined;
  /** The model of requests that name none: an id, alias or custom `{ url, domain }`. */
  defaultModel?: ModelInput | undefined;
  /** Deadlines in ms; see {@link SparkTimeouts}. Defaults: connect 10 s, first token 60 s, idle 30 s, no total. */
  timeouts?: Partial<SparkTimeouts> | undefined;
  /** Retries of retryable failures before any content arrived. Default 2; 0 disables retries. */
  maxRetries?: number | undefined;
  /** Backoff of retries: full jitter, base 500 ms, cap 8 s. */
  retryDelay?: RetryDelayOptions | undefined;
  /**
   * Receives debug lines (attempts; URLs redacted), info lines (retries, trimming), capability warnings
   * (warn) and failed requests (error).
   */
  logger?: SparkLogger | undefined;
  /**
   * Called before each retry with the failed attempt's number, its error and the backoff delay, e.g.
   * to show "retrying…" in a UI. A throw from it is logged and ignored.
   */
  onRetry?: ((retry: SparkRetryInfo) => void) | undefined;
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
  /**
   * The client's protocol: `'http'` for a client that speaks only HTTP (asked to, or given an
   * `apiPassword` and no app id), the `protocol` option otherwise; `undefined` means per model
   * (WebSocket where the model has an endpoint). Integrations read it to shape messages (tool turns).
   */
  readonly protocol?: SparkProtocol | undefined;
}

/** The history trimmer a {@link SparkEngineOptions} may be given: `trimHistory` from this package. */
export type HistoryTrimmer = typeof trimHistory;

/**
 * Options of {@link createSparkEngine}: those of `createSparkClient`, with a `signUrl` provider
 * instead of credentials and the history trimmer injected, so that neither the HMAC signer nor the
 * token estimator is bundled by an app that does not use them.
 */
export interface SparkEngineOptions
  extends Omit<SparkClientOptions, 'apiKey' | 'apiSecret' | 'signUrl' | 'hmac'> {
  /** Returns a signed URL per attempt (see {@link SignUrlProvider}); not needed for HTTP only. */
  signUrl?: SignUrlProvider | undefined;
  /**
   * Enables `trimHistory` in requests: pass `trimHistory` from `@xinghuo/core` (or a platform package).
   * Without it, a request with `trimHistory` fails with a `SparkConfigError`.
   */
  trimHistory?: HistoryTrimmer | undefined;
}
