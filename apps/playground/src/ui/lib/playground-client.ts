import {
  createBrowserTransport,
  createSignedUrlFetcher,
  createSparkClient,
  type SparkClient,
  type SparkFetch,
  type SparkTransport,
  trimHistory,
} from '@xinghuo/browser';
import type { PlaygroundConfig, PlaygroundProtocol } from '../types';
import type { ExchangeListener } from './exchange-recorder';
import { createRecordingFetch } from './recording-fetch';
import { createRecordingTransport } from './recording-transport';

/** How the client reaches Spark; the defaults are the page's. */
export interface PlaygroundClientOptions {
  /** `ws` (default): signed WebSocket URLs; `http`: the OpenAI-compatible API through the relay. */
  protocol?: PlaygroundProtocol | undefined;
  /** The signing endpoint (default `/api/spark/sign` on the page's origin). */
  signingEndpoint?: string | undefined;
  /** The relay (default `config.relayPath` on the page's origin); tests on Node pass an absolute URL. */
  relayURL?: string | undefined;
  /** The transport to record (default: the browser's `WebSocket`). Tests on Node pass a `ws` one. */
  transport?: SparkTransport | undefined;
  /** The `fetch` to record over HTTP (default: the global one). */
  fetch?: SparkFetch | undefined;
}

/**
 * The SDK client the page uses. Over WebSocket, URLs are signed by the playground server (the API
 * secret never reaches the browser); over HTTP, requests go through the server's relay, which adds the
 * HTTP password (it never reaches the browser either). Either way the wire is recorded for the frame
 * inspector, and history trimming is enabled.
 */
export function createPlaygroundClient(
  config: PlaygroundConfig,
  onExchange: ExchangeListener,
  options: PlaygroundClientOptions = {},
): SparkClient {
  const shared = {
    defaultModel: config.defaultModel,
    // Requests trim their history (the budget bar previews it), so the trimmer is bundled.
    trimHistory,
  };
  if (options.protocol === 'http') {
    return createSparkClient({
      ...shared,
      relayURL: options.relayURL ?? config.relayPath,
      fetch: createRecordingFetch(onExchange, options.fetch),
    });
  }
  return createSparkClient({
    ...shared,
    appId: config.appId,
    signUrl: createSignedUrlFetcher({ endpoint: options.signingEndpoint ?? '/api/spark/sign' }),
    transport: createRecordingTransport(options.transport ?? createBrowserTransport(), onExchange),
  });
}
