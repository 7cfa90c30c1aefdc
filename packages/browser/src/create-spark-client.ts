import {
  createSparkEngine,
  guardBrowserSecret,
  type HistoryTrimmer,
  relayedFetch,
  type SignUrlProvider,
  type SparkClient,
  type SparkClientOptions,
  SparkConfigError,
  type SparkFetch,
  type SparkTransport,
} from '@xinghuo/core/portable';
import { createBrowserTransport } from './browser-transport';
import type { RelayHeaders } from './relay-connection';
import { signUrl as signWithCredentials } from './sign-url';
import type { WebSocketConstructorLike } from './websocket-like';

/** Options of the browser {@link createSparkClient}: the core options, with the transport optional. */
export type BrowserSparkClientOptions = Omit<SparkClientOptions, 'transport'> & {
  /** Defaults to {@link createBrowserTransport} over the global (or the given) `WebSocket`. */
  transport?: SparkTransport | undefined;
  /** The `WebSocket` constructor for the default transport, where there is no global one. */
  WebSocket?: WebSocketConstructorLike | undefined;
  /**
   * Allows `apiSecret` in this client. Anyone who can open the page can read the secret and spend
   * your quota; only set this in a trusted place (a local tool, tests).
   */
  dangerouslyAllowBrowser?: boolean | undefined;
  /**
   * Enables `trimHistory` in requests: pass `trimHistory` from this package. Left out by default so
   * that apps that do not trim do not bundle the token estimator.
   */
  trimHistory?: HistoryTrimmer | undefined;
  /**
   * The URL of your server's Spark relay (`createRelayHandler` of `@xinghuo/node`), absolute or relative
   * to the page (`'/api/spark'`): requests go over HTTP to `<relayURL>/v1/chat/completions` (or `/v2/…`,
   * `/x2/…` by model) with no credential, and the relay adds it on the server. Implies `protocol: 'http'`;
   * no `appId`, `signUrl` or `WebSocket` is needed.
   */
  relayURL?: string | URL | undefined;
  /**
   * With `relayURL`: headers sent to the relay with every attempt, for its `authorize` check (e.g.
   * `{ authorization: 'Bearer <session token>' }`), or a function returning them. Cookies of the page's
   * own origin are sent anyway; for another origin pass a `fetch` that sets `credentials: 'include'`.
   */
  headers?: RelayHeaders | undefined;
};

/**
 * Creates a Spark client for browsers, web workers and edge runtimes.
 *
 * The page never needs the API secret: pass `signUrl`, an async provider that asks your server for a
 * signed URL (see {@link createSignedUrlFetcher} and `createSigningHandler` in `@xinghuo/node`). It is
 * called afresh for every attempt. Passing `apiSecret` throws a {@link SparkConfigError} unless
 * `dangerouslyAllowBrowser: true`.
 *
 * Built on `createSparkEngine` of `@xinghuo/core`, so the bundle holds only what the page uses: the
 * history trimmer (token estimator included) only when `trimHistory` is passed, e.g.
 * `createSparkClient({ …, trimHistory })` with `trimHistory` imported from this package; without it, a
 * request with `trimHistory` fails with a {@link SparkConfigError}.
 *
 * @example
 * ```ts
 * import { createSignedUrlFetcher, createSparkClient } from '@xinghuo/browser';
 *
 * const client = createSparkClient({
 *   appId: 'your-app-id',
 *   signUrl: createSignedUrlFetcher({ endpoint: '/api/spark/sign' }),
 * });
 * for await (const text of client.stream({ model: 'lite', messages: [{ role: 'user', content: '你好' }] }).textStream) {
 *   output.append(text);
 * }
 * ```
 */
export function createSparkClient(options: BrowserSparkClientOptions): SparkClient {
  const {
    dangerouslyAllowBrowser,
    WebSocket,
    transport,
    apiKey,
    apiSecret,
    signUrl,
    hmac,
    relayURL,
    headers,
    ...rest
  } = options ?? {};
  guardBrowserSecret(apiSecret !== undefined, dangerouslyAllowBrowser, rest.apiPassword !== undefined);
  if (relayURL !== undefined) {
    // The relay's own checks and its fetch are loaded on the first request (with the HTTP protocol):
    // a page that speaks only WebSocket downloads neither.
    let relayFetch: Promise<SparkFetch> | undefined;
    const send: SparkFetch = async (url, init) => {
      relayFetch ??= import('./relay-connection').then((module) => {
        const problem = module.relayOptionsProblem(options);
        if (problem !== undefined) throw new SparkConfigError(problem);
        return module.createRelayFetch(options);
      });
      return (await relayFetch)(url, init);
    };
    return createSparkEngine({ ...rest, protocol: 'http', fetch: relayedFetch(send) });
  }
  if (headers !== undefined) throw new SparkConfigError('headers are sent to a relay: pass relayURL too.');
  if (hmac !== undefined && apiSecret === undefined) {
    throw new SparkConfigError('hmac is only used to sign with apiKey and apiSecret.');
  }
  let sign = signUrl;
  if (apiKey !== undefined || apiSecret !== undefined) {
    if (signUrl !== undefined || !apiKey || !apiSecret) {
      throw new SparkConfigError('Pass either apiKey and apiSecret (both non-empty), or signUrl.');
    }
    const credentials = { apiKey, apiSecret };
    // Loaded on demand: apps that sign on their server (the recommended setup) never download it.
    sign = ({ url, date }) => signWithCredentials(url, credentials, hmac ? { date, hmac } : { date });
  }
  return createSparkEngine({
    ...rest,
    signUrl: sign as SignUrlProvider,
    transport: transport ?? createBrowserTransport({ WebSocket }),
  });
}
