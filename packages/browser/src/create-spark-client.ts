import {
  createSparkClient as createCoreSparkClient,
  type SparkClient,
  type SparkClientOptions,
  SparkConfigError,
  type SparkTransport,
} from '@xinghuo/core';
import { createBrowserTransport } from './browser-transport';
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
};

/**
 * Creates a Spark client for browsers, web workers and edge runtimes.
 *
 * The page never needs the API secret: pass `signUrl`, an async provider that asks your server for a
 * signed URL (see {@link createSignedUrlFetcher} and `createSigningHandler` in `@xinghuo/node`). It is
 * called afresh for every attempt. Passing `apiSecret` throws a {@link SparkConfigError} unless
 * `dangerouslyAllowBrowser: true`.
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
  const { dangerouslyAllowBrowser, WebSocket, transport, ...coreOptions } = options;
  if (coreOptions.apiSecret !== undefined && dangerouslyAllowBrowser !== true) {
    throw new SparkConfigError(
      'apiSecret was passed to the browser client: anyone who opens the page could read it and call Spark ' +
        'on your account. Keep the secret on your server and let it sign URLs instead: serve ' +
        "createSigningHandler() from '@xinghuo/node' (e.g. at /api/spark/sign) and pass " +
        "signUrl: createSignedUrlFetcher({ endpoint: '/api/spark/sign' }). A signed URL opens one model " +
        'path and is valid only within ±300 s of its date. In a trusted environment, pass ' +
        'dangerouslyAllowBrowser: true to accept the risk.',
    );
  }
  return createCoreSparkClient({
    ...coreOptions,
    transport: transport ?? createBrowserTransport({ WebSocket }),
  });
}
