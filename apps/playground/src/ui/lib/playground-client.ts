import {
  createBrowserTransport,
  createSignedUrlFetcher,
  createSparkClient,
  type SparkClient,
  type SparkTransport,
  trimHistory,
} from '@xinghuo/browser';
import type { PlaygroundConfig } from '../types';
import { createRecordingTransport, type ExchangeListener } from './recording-transport';

/** Where the client signs and how it connects; the defaults are the page's. */
export interface PlaygroundClientOptions {
  /** The signing endpoint (default `/api/spark/sign` on the page's origin). */
  signingEndpoint?: string | undefined;
  /** The transport to record (default: the browser's `WebSocket`). Tests on Node pass a `ws` one. */
  transport?: SparkTransport | undefined;
}

/**
 * The SDK client the page uses: URLs are signed by the playground server (the API secret never
 * reaches the browser), the transport is wrapped to record the frames for the inspector, and history
 * trimming is enabled.
 */
export function createPlaygroundClient(
  config: PlaygroundConfig,
  onExchange: ExchangeListener,
  options: PlaygroundClientOptions = {},
): SparkClient {
  return createSparkClient({
    appId: config.appId,
    signUrl: createSignedUrlFetcher({ endpoint: options.signingEndpoint ?? '/api/spark/sign' }),
    transport: createRecordingTransport(options.transport ?? createBrowserTransport(), onExchange),
    defaultModel: config.defaultModel,
    // Requests trim their history (the budget bar previews it), so the trimmer is bundled.
    trimHistory,
  });
}
