import {
  createBrowserTransport,
  createSignedUrlFetcher,
  createSparkClient,
  type SparkClient,
  trimHistory,
} from '@xinghuo/browser';
import type { PlaygroundConfig } from '../types';
import { createRecordingTransport, type ExchangeListener } from './recording-transport';

/**
 * The SDK client the page uses: URLs are signed by the playground server (the API secret never
 * reaches the browser), the browser transport is wrapped to record the frames for the inspector,
 * and history trimming is enabled.
 */
export function createPlaygroundClient(config: PlaygroundConfig, onExchange: ExchangeListener): SparkClient {
  return createSparkClient({
    appId: config.appId,
    signUrl: createSignedUrlFetcher({ endpoint: '/api/spark/sign' }),
    transport: createRecordingTransport(createBrowserTransport(), onExchange),
    defaultModel: config.defaultModel,
    // Requests trim their history (the budget bar previews it), so the trimmer is bundled.
    trimHistory,
  });
}
