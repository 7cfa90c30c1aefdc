import { GATEWAY_MESSAGES, gatewayRejection, type HandshakeRejection } from './auth/gateway-responses.js';
import type { HmacSha256Base64 } from './auth/hmac.js';
import { SignedUrlLedger, type SignedUrlReuse } from './auth/signed-url-reuse.js';
import { checkSignedRequest } from './auth/verify-signature.js';
import { DEFAULT_API_PASSWORD, DEFAULT_CREDENTIALS, type MockCredentials } from './credentials.js';
import { andThen, type MaybePromise } from './maybe-promise.js';
import {
  DEFAULT_MAX_RECORDS,
  type MockConnectionRecord,
  type MockRecordedRequest,
  pushBounded,
  redactAuthorization,
  truncateRefused,
} from './records.js';
import { findRouteByPath } from './routes.js';
import type { MockHandshakeInfo } from './scenarios.js';
import { MockScript } from './script.js';
import { MockSession, type SessionContext, type SessionSocket } from './session.js';

/** Options shared by every face of the mock (ws server, msw handler, CLI). */
export interface MockSparkEngineOptions {
  /** APPID the request frame must carry (default `mockapp1`). */
  appId?: string;
  /** APIKey the signed URL must carry (default: a fixed fake 32-character key). */
  apiKey?: string;
  /** APISecret the signature is checked with (default: a fixed fake 32-character secret). */
  apiSecret?: string;
  /**
   * The HTTP `APIPassword` accepted as `Authorization: Bearer <apiPassword>` by the OpenAI-compatible
   * face (default `DEFAULT_API_PASSWORD`). `Bearer <apiKey>:<apiSecret>` is accepted too.
   */
  apiPassword?: string;
  /**
   * How the HTTP face spells SSE data lines: `true` writes `data: ` with a space, `false` `data:` without
   * one. Default: as the real routes do (no space on `/v1`, a space on `/v2` and `/x2`).
   */
  sseDataSpace?: boolean;
  /** Delay before each answer frame, in milliseconds (default 0). */
  latencyMs?: number;
  /** Characters of answer text per frame (default 10). */
  chunkChars?: number;
  /** How long an open connection may wait for its request frame (default 60 000 ms, as on the service). */
  requestTimeoutMs?: number;
  /** The server clock, for clock-skew tests (default `() => new Date()`). */
  now?: () => Date;
  /** Verify signed URLs like the gateway (default `true`); `false` accepts any handshake. */
  strictAuth?: boolean;
  /** Allowed clock skew of the signed date, in seconds (default 300, as on the gateway). */
  maxClockSkewSeconds?: number;
  /**
   * How many handshakes (`connections`) and request frames (`requests`) to keep, each list on its own
   * (default 1,000); the oldest are dropped first. `0` keeps none.
   */
  maxRecords?: number;
  /**
   * Whether one signed URL may open several connections (default `'allow'`; `'reject'` answers 401 to
   * every use after the first). The real gateway's behaviour is not known; see `SignedUrlReuse`.
   */
  signedUrlReuse?: SignedUrlReuse;
}

/** What the engine needs to know about an upgrade request. */
export interface HandshakeRequest {
  /** URL path, e.g. `/v3.5/chat`. */
  path: string;
  /** The form-decoded query. */
  query: URLSearchParams;
  /** The Host header as sent (host with a non-default port). */
  host: string;
  /** The full requested URL (used only in redacted form). */
  url: string;
}

/** The engine's verdict on a handshake. */
export type HandshakeDecision =
  | { accepted: false; rejection: HandshakeRejection }
  | { accepted: true; context: SessionContext };

/**
 * The transport-neutral heart of the mock: credentials, the per-test script, the records, handshake
 * decisions and sessions. The ws server and the msw handler are thin faces over one engine.
 */
export class MockSparkEngine {
  readonly credentials: MockCredentials;
  readonly script = new MockScript();
  /** The latest request frames received (at most `maxRecords`), oldest first. */
  readonly requests: MockRecordedRequest[] = [];
  /** The latest handshake attempts (at most `maxRecords`), oldest first. */
  readonly connections: MockConnectionRecord[] = [];
  readonly #options: MockSparkEngineOptions;
  readonly #now: () => Date;
  readonly #maxRecords: number;
  readonly #usedUrls: SignedUrlLedger | undefined;
  #openHttpExchanges = 0;

  constructor(
    options: MockSparkEngineOptions,
    private readonly hmac: HmacSha256Base64,
  ) {
    this.#options = options;
    this.#now = options.now ?? (() => new Date());
    this.#maxRecords = Math.max(0, Math.floor(options.maxRecords ?? DEFAULT_MAX_RECORDS));
    this.#usedUrls =
      options.signedUrlReuse === 'reject'
        ? new SignedUrlLedger((options.maxClockSkewSeconds ?? 300) * 1000)
        : undefined;
    this.credentials = {
      appId: options.appId ?? DEFAULT_CREDENTIALS.appId,
      apiKey: options.apiKey ?? DEFAULT_CREDENTIALS.apiKey,
      apiSecret: options.apiSecret ?? DEFAULT_CREDENTIALS.apiSecret,
    };
  }

  /** The server clock. */
  now(): Date {
    return this.#now();
  }

  /** What the HTTP face accepts: the WebSocket pair (as `key:secret`) and the `APIPassword`. */
  get httpCredentials(): MockCredentials & { apiPassword: string } {
    return { ...this.credentials, apiPassword: this.apiPassword };
  }

  /** The HTTP `APIPassword` this engine accepts. */
  get apiPassword(): string {
    return this.#options.apiPassword ?? DEFAULT_API_PASSWORD;
  }

  /** Whether credentials are checked (the `strictAuth` option). */
  get strictAuth(): boolean {
    return this.#options.strictAuth !== false;
  }

  /** Delay before each answer frame or chunk, in milliseconds. */
  get latencyMs(): number {
    return this.#options.latencyMs ?? 0;
  }

  /** Characters of answer text per frame or chunk. */
  get chunkChars(): number {
    return this.#options.chunkChars ?? 10;
  }

  /** The `sseDataSpace` option (`undefined`: per route). */
  get sseDataSpace(): boolean | undefined {
    return this.#options.sseDataSpace;
  }

  /** Number of HTTP requests being answered (streams open, stalled or waiting). */
  openHttpExchanges(): number {
    return this.#openHttpExchanges;
  }

  /** Counts an HTTP exchange that started. */
  httpExchangeOpened(): void {
    this.#openHttpExchanges += 1;
  }

  /** Counts an HTTP exchange that ended (response complete, dropped or the client left). */
  httpExchangeClosed(): void {
    this.#openHttpExchanges -= 1;
  }

  /** Records an accepted connection or HTTP request. */
  recordConnection(connection: MockConnectionRecord): void {
    this.#record(connection);
  }

  /** Records a refused one, keeping only a bounded excerpt of its path and URL. */
  recordRefusal(
    path: string,
    model: string | undefined,
    url: string,
    status: number,
    protocol?: 'http',
  ): void {
    this.#record({
      path: truncateRefused(path),
      model,
      url: truncateRefused(url),
      status,
      at: this.#now(),
      ...(protocol === undefined ? {} : { protocol }),
    });
  }

  /** Records a request frame or HTTP body. */
  recordRequest(request: MockRecordedRequest): void {
    pushBounded(this.requests, request, this.#maxRecords);
  }

  /**
   * Decides whether to accept an upgrade: route, scripted rejections, then the gateway's signature
   * checks. Synchronous when the HMAC and every handshake hook are, so the msw face can refuse a
   * connection before it opens.
   */
  handshake(request: HandshakeRequest): MaybePromise<HandshakeDecision> {
    const url = redactAuthorization(request.url);
    const route = findRouteByPath(request.path);
    if (route === undefined) {
      return this.#reject(request.path, undefined, url, gatewayRejection(404, GATEWAY_MESSAGES.noRoute));
    }
    const info: MockHandshakeInfo = { path: request.path, model: route.id, url };
    const queued = this.script.take();
    if (queued?.reject !== undefined) return this.#reject(request.path, route.id, url, queued.reject);

    const rejection = andThen(this.script.handshakeRejection(info), (scripted) => {
      if (scripted !== undefined || this.#options.strictAuth === false) return scripted;
      const { maxClockSkewSeconds } = this.#options;
      return checkSignedRequest(
        { query: request.query, host: request.host, path: request.path },
        {
          credentials: this.credentials,
          now: this.#now(),
          hmac: this.hmac,
          ...(maxClockSkewSeconds === undefined ? {} : { maxClockSkewSeconds }),
        },
      );
    });
    return andThen(rejection, (refused): HandshakeDecision => {
      const refusal = refused ?? this.#reuseRefusal(request.query);
      if (refusal !== undefined) {
        if (queued !== undefined) this.script.putBack(queued);
        return this.#reject(request.path, route.id, url, refusal);
      }
      this.#record({ path: request.path, model: route.id, url, status: 101, at: this.#now() });
      return { accepted: true, context: { route, info, query: request.query, queued } };
    });
  }

  /** Starts the session of an accepted connection over `socket`. */
  openSession(socket: SessionSocket, context: SessionContext): MockSession {
    return new MockSession(
      socket,
      {
        appId: this.credentials.appId,
        latencyMs: this.#options.latencyMs ?? 0,
        chunkChars: this.#options.chunkChars ?? 10,
        requestTimeoutMs: this.#options.requestTimeoutMs ?? 60_000,
        now: this.#now,
        script: this.script,
        record: (request) => pushBounded(this.requests, request, this.#maxRecords),
      },
      context,
    );
  }

  /** Clears the script and the records. */
  reset(): void {
    this.script.reset();
    this.requests.length = 0;
    this.connections.length = 0;
  }

  #reject(
    path: string,
    model: string | undefined,
    url: string,
    rejection: HandshakeRejection,
  ): HandshakeDecision {
    // Only a bounded excerpt of what an unauthenticated client sent is kept.
    this.recordRefusal(path, model, url, rejection.status);
    return { accepted: false, rejection };
  }

  #record(connection: MockConnectionRecord): void {
    pushBounded(this.connections, connection, this.#maxRecords);
  }

  /** With `signedUrlReuse: 'reject'`, the refusal of a signed URL that already opened a connection. */
  #reuseRefusal(query: URLSearchParams): HandshakeRejection | undefined {
    const authorization = query.get('authorization');
    if (this.#usedUrls === undefined || authorization === null) return undefined;
    return this.#usedUrls.use(authorization, new Date(query.get('date') ?? ''), this.#now());
  }
}
