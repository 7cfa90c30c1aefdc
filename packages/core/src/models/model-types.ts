/**
 * The shapes of a model: a registry entry, what it accepts, and a custom endpoint's description.
 */

/** What a model accepts. A `false` makes `encodeRequest` warn, never refuse. */
export interface ModelCapabilities {
  /** Accepts a leading `system` message. */
  system: boolean;
  /** Accepts `payload.functions` (function calling). */
  functions: boolean;
  /** Accepts the `web_search` tool. */
  webSearch: boolean;
  /** Streams `reasoning_content` and accepts `thinking` (x1 / spark-x). */
  reasoning: boolean;
}

/** One model the SDK can call. */
export interface SparkModel {
  /** Registry id (`'generalv3.5'`), or the domain of a custom model. */
  readonly id: string;
  /** Human name, e.g. `'Spark Max'`. */
  readonly label: string;
  /** Other names accepted by {@link resolveModel}, e.g. `'max'`. */
  readonly aliases: readonly string[];
  /** The `parameter.chat.domain` value sent on the wire. */
  readonly domain: string;
  /** The WebSocket endpoint; the domain must match it. */
  readonly url: string;
  /** Input limit in tokens (all message contents together). */
  readonly contextWindow: number;
  /** Largest accepted `max_tokens`. */
  readonly maxOutputTokens: number;
  /** `max_tokens` Spark uses when the request omits it. */
  readonly defaultMaxTokens: number;
  /** What the model accepts. */
  readonly capabilities: Readonly<ModelCapabilities>;
  /** True for a model built from a {@link CustomModel}. */
  readonly custom?: boolean | undefined;
}

/** An endpoint not in the registry: a fine-tuned (MaaS) model, a new version, a proxy. */
export interface CustomModel {
  /** `ws://` or `wss://` endpoint. */
  url: string;
  /** The `parameter.chat.domain` value. */
  domain: string;
  /** Name used in results and logs; defaults to `domain`. */
  id?: string | undefined;
  /** Human name; defaults to `id`. */
  label?: string | undefined;
  /** Defaults to 8192. */
  contextWindow?: number | undefined;
  /** Defaults to 8192. */
  maxOutputTokens?: number | undefined;
  /** Defaults to `min(4096, maxOutputTokens)`. */
  defaultMaxTokens?: number | undefined;
  /** Unknown capabilities are assumed present (no warnings); `reasoning` defaults to false. */
  capabilities?: Partial<ModelCapabilities> | undefined;
}
