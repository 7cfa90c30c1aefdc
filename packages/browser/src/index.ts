/**
 * @xinghuo/browser: a Spark (讯飞星火) client for browsers, web workers and edge runtimes that never
 * needs the API secret in the page. It adds a transport over the WHATWG `WebSocket`, a signed-URL
 * provider for the app's signing endpoint, and a `createSparkClient` that guards against secrets and
 * speaks HTTP through the app's relay (`relayURL`) without the HTTP password.
 * Everything else is re-exported from `@xinghuo/core`.
 *
 * @packageDocumentation
 */
// The portable entry leaves out the credential signer; `signUrl` below loads it on first use.
export * from '@xinghuo/core/portable';
export { type BrowserTransportOptions, createBrowserTransport } from './browser-transport';
// Named here, so it takes precedence over the core export of the same name.
export { type BrowserSparkClientOptions, createSparkClient } from './create-spark-client';
export type { RelayHeaders } from './relay-connection';
export { signUrl } from './sign-url';
export {
  createSignedUrlFetcher,
  type SignedUrlFetcherOptions,
  type SigningHeaders,
} from './signed-url-fetcher';
export type { WebSocketConstructorLike, WebSocketEventLike, WebSocketLike } from './websocket-like';
