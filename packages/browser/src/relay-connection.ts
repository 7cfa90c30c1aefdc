/**
 * HTTP through the app's relay (`createRelayHandler` of `@xinghuo/node`): the page's requests go to
 * `<relayURL>/v1/chat/completions` (or `/v2/…`, `/x2/…` by model) with no Spark credential, and the
 * relay adds it on the server. `createSparkClient` loads this module on the first request, so that pages
 * which use only WebSocket never download it; the HTTP protocol itself (encoder, SSE reader) is loaded by
 * the engine.
 */
// Types only: a value imported from core would make the bundler split the page's first download into
// one more chunk, whose overhead outweighs this module.
import type { SparkFetch } from '@xinghuo/core/portable';

/** Headers for the relay: fixed, or computed per attempt (for example a fresh session token). */
export type RelayHeaders = HeadersInit | (() => HeadersInit | Promise<HeadersInit>);

/** The browser client's options that bear on the relay (the client passes all of its options). */
export interface RelayOptions {
  /** The relay's URL, absolute or relative to the page's (or the worker's) location. */
  relayURL?: string | URL | undefined;
  /** The app's headers for the relay's `authorize` check. */
  headers?: RelayHeaders | undefined;
  /** The page's `fetch`; default the global one, read per request. */
  fetch?: SparkFetch | undefined;
  /** Must be `'http'` or left out. */
  protocol?: unknown;
  /** Must be left out: the relay decides where requests go. */
  baseURL?: unknown;
  /** These must be left out: the relay holds the credential and speaks HTTP. */
  apiKey?: unknown;
  apiSecret?: unknown;
  apiPassword?: unknown;
  signUrl?: unknown;
  transport?: unknown;
  WebSocket?: unknown;
}

/** The relay's absolute URL without a trailing slash, or `undefined` when `relayURL` is not one. */
function resolveRelayURL(relayURL: string | URL): string | undefined {
  const location = (globalThis as { location?: { href?: string } }).location?.href;
  try {
    const resolved = new URL(relayURL, location);
    if (resolved.protocol !== 'http:' && resolved.protocol !== 'https:') return undefined;
    return `${resolved.origin}${resolved.pathname.replace(/\/+$/, '')}`;
  } catch {
    return undefined;
  }
}

/** What is wrong with options of a relay client, for a `SparkConfigError`; `undefined` when nothing is. */
export function relayOptionsProblem(options: RelayOptions): string | undefined {
  const { headers, fetch, protocol } = options;
  const { apiKey, apiSecret, apiPassword, signUrl, transport, WebSocket } = options;
  if ([apiKey, apiSecret, apiPassword, signUrl, transport, WebSocket].some((value) => value !== undefined)) {
    return (
      'relayURL: the relay holds the credential and speaks HTTP; pass no apiKey, apiSecret, apiPassword, ' +
      'signUrl, transport or WebSocket.'
    );
  }
  if (protocol !== undefined && protocol !== 'http') {
    return 'relayURL speaks HTTP: leave protocol unset or set it to "http".';
  }
  if (options.baseURL !== undefined) {
    return 'Pass relayURL or baseURL, not both: the relay decides where requests go.';
  }
  if (
    headers !== undefined &&
    typeof headers !== 'function' &&
    (typeof headers !== 'object' || headers === null)
  ) {
    return 'headers must be headers (an object) or a function returning them.';
  }
  if (fetch !== undefined && typeof fetch !== 'function') return 'fetch must be a function.';
  if (fetch === undefined && typeof globalThis.fetch !== 'function') {
    return 'No fetch in this runtime: pass `fetch` to use the relay.';
  }
  if (options.relayURL === undefined || resolveRelayURL(options.relayURL) === undefined) {
    return 'relayURL must be an http(s) URL, or a path such as "/api/spark" in a page or a worker.';
  }
  return undefined;
}

/**
 * A `fetch` that sends the engine's requests to the relay: the endpoint's path (`/v1/chat/completions`)
 * behind the relay's URL, with the app's headers. The SDK's own headers (content type, accept) win over
 * the app's; there is no `Authorization` of the SDK's among them. Check {@link relayOptionsProblem} first.
 */
export function createRelayFetch(options: RelayOptions): SparkFetch {
  const { headers, fetch } = options;
  const relay = resolveRelayURL(options.relayURL as string | URL) as string;
  return async (url, init) => {
    // Read per request: a runtime (or a test) may install its fetch after the client was created.
    const fetchNow = fetch ?? (globalThis.fetch as SparkFetch);
    const endpoint = new URL(url);
    const target = `${relay}${endpoint.pathname}${endpoint.search}`;
    const extra = typeof headers === 'function' ? await headers() : headers;
    if (extra === undefined) return fetchNow(target, init);
    const merged = new Headers(extra);
    new Headers(init.headers).forEach((value, name) => {
      merged.set(name, value);
    });
    return fetchNow(target, { ...init, headers: merged });
  };
}
