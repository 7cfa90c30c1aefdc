/**
 * Options of {@link createSpark} and the per-model settings of `spark(modelId, settings)`.
 */
import type { WebSocketConstructorLike } from '@xinghuo/browser';
import type {
  SparkClient,
  SparkClientOptions,
  SparkEnvironmentOptions,
  TrimHistoryOptions,
  WebSearchOptions,
} from '@xinghuo/core';

/** What the provider needs from a client: `stream()` of a `SparkClient` from `@xinghuo/node`, `@xinghuo/browser` or `@xinghuo/core`. */
export type SparkProviderClient = Pick<SparkClient, 'stream'> & Partial<Pick<SparkClient, 'protocol'>>;

/**
 * Options of {@link createSpark}.
 *
 * Pass a ready `client` (a Node server: `createSparkClient()` from `@xinghuo/node`; a page:
 * `createSparkClient({ signUrl })` from `@xinghuo/browser`), or the client options below, from which the
 * provider builds a client over the global `WebSocket` when the first request is made. Credentials not
 * passed are read from `SPARK_APP_ID`, `SPARK_API_KEY`, `SPARK_API_SECRET`, `SPARK_API_PASSWORD`,
 * `SPARK_PROTOCOL` and `SPARK_BASE_URL` at that moment, never at import time. The client options are
 * forwarded to `createSparkClient` of `@xinghuo/core` as they are: `fetch`, `signUrl`, `timeouts` and
 * `logger` are core's `SparkClientOptions`, the credentials, `protocol` and `baseURL` core's
 * `SparkEnvironmentOptions` (documented there, with their `SPARK_*` defaults).
 */
export interface SparkProviderSettings
  extends Pick<SparkClientOptions, 'fetch' | 'signUrl' | 'timeouts' | 'logger'>,
    SparkEnvironmentOptions {
  /** A Spark client; when given, the credential, transport and network options below are not used. */
  client?: SparkProviderClient | undefined;
  /**
   * The wire protocol: `'ws'` (signed WebSocket) or `'http'` (POST + SSE, several tool calls per answer,
   * `tool` turns, JSON mode). Default: the client's own, else `SPARK_PROTOCOL`, else per model. Also
   * tells the provider how to write tool turns for a `client` passed in.
   */
  protocol?: SparkEnvironmentOptions['protocol'];
  /** How to open WebSockets. Default: a transport over `WebSocket` (or the global one). */
  transport?: SparkClientOptions['transport'];
  /** The `WebSocket` constructor of the default transport, e.g. `ws` on Node 20. */
  WebSocket?: WebSocketConstructorLike | undefined;
  /**
   * Retries inside the Spark client. Default **0**: the AI SDK's own `maxRetries` (of `generateText`,
   * `streamText`, …) retries the errors this provider marks `isRetryable`, so a request is never retried
   * by two layers. A `client` you pass keeps its own setting: create it with `maxRetries: 0`.
   */
  maxRetries?: SparkClientOptions['maxRetries'];
  /** Allow `apiSecret` in a browser page, where anyone can read it. Prefer `signUrl`. */
  dangerouslyAllowBrowser?: boolean | undefined;
  /** Environment to read `SPARK_*` from. Default: `process.env` where it exists. */
  env?: Readonly<Record<string, string | undefined>> | undefined;
}

/**
 * Spark options of one model (`spark('max', settings)`); the same keys can be passed per call as
 * `providerOptions: { spark: { … } }`, which win over these.
 */
export interface SparkModelSettings {
  /** Web search: `true`, `false` (explicitly off) or options. Sources arrive as `source` parts. */
  webSearch?: boolean | WebSearchOptions | undefined;
  /** Reasoning mode for x1 / spark-x. */
  thinking?: 'enabled' | 'disabled' | 'auto' | undefined;
  /** End-user id for Spark's abuse tracking, at most 32 characters. */
  uid?: string | undefined;
  /** Session id for Spark's logs. */
  chatId?: string | undefined;
  /** Drop the oldest turns so the conversation fits the model's context window. */
  trimHistory?: boolean | TrimHistoryOptions | undefined;
  /** Fine-tuned resource id(s), sent as `header.patch_id`. */
  patchId?: string | readonly string[] | undefined;
  /** Extra keys merged into `parameter.chat` as they are, for Spark options the SDK does not type yet. */
  extra?: Readonly<Record<string, unknown>> | undefined;
}
