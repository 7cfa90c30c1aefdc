/**
 * The shapes of a model: a registry entry, what it accepts, and a custom endpoint's description.
 */

/** What a model accepts. A `false` makes `encodeRequest` warn, never refuse. */
export interface ModelCapabilities {
  /** Accepts a leading `system` message. */
  system: boolean;
  /**
   * Accepts function calling over WebSocket (`payload.functions`). Over HTTP, see
   * {@link HttpEndpoint.functions}: iFlytek now points function calling of the general models to HTTP.
   */
  functions: boolean;
  /** Accepts the `web_search` tool. */
  webSearch: boolean;
  /** Streams `reasoning_content` and accepts `thinking` (x1 / spark-x). */
  reasoning: boolean;
}

/** A model's endpoint on the OpenAI-compatible HTTP API (spec §6). */
export interface HttpEndpoint {
  /** The chat-completions URL, e.g. `https://spark-api-open.xf-yun.com/v1/chat/completions`. */
  readonly url: string;
  /** The `model` value sent in the body, e.g. `generalv3.5` or `spark-x`. */
  readonly model: string;
  /** Accepts function calling (`tools` of type `function`) over HTTP. */
  readonly functions: boolean;
  /** The name of the answer-length field: `max_completion_tokens` for X2.5, else `max_tokens`. */
  readonly maxTokensField: 'max_tokens' | 'max_completion_tokens';
}

/** One model the SDK can call. */
export interface SparkModel {
  /** Registry id (`'generalv3.5'`), or the domain of a custom model. */
  readonly id: string;
  /** Human name, e.g. `'Spark Max'`. */
  readonly label: string;
  /** Other names accepted by {@link resolveModel}, e.g. `'max'`. */
  readonly aliases: readonly string[];
  /** The `parameter.chat.domain` value sent on the WebSocket (for an HTTP-only model: its HTTP `model`). */
  readonly domain: string;
  /** The WebSocket endpoint (the domain must match it); absent for a model served only over HTTP. */
  readonly url?: string | undefined;
  /** The HTTP endpoint; absent for a model served only over WebSocket. */
  readonly http?: Readonly<HttpEndpoint> | undefined;
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

/**
 * An endpoint not in the registry: a fine-tuned (MaaS) model, a new version, a proxy. Give the
 * WebSocket endpoint (`url` + `domain`), the HTTP one (`httpUrl` + `httpModel`), or both.
 */
export interface CustomModel {
  /** `ws://` or `wss://` endpoint. */
  url?: string | undefined;
  /** The `parameter.chat.domain` value. */
  domain?: string | undefined;
  /** `http://` or `https://` chat-completions endpoint. */
  httpUrl?: string | undefined;
  /** The HTTP `model` value; defaults to `domain`. */
  httpModel?: string | undefined;
  /** Function calling over HTTP; defaults to `capabilities.functions` (true when unknown). */
  httpFunctions?: boolean | undefined;
  /** Defaults to `max_tokens`. */
  maxTokensField?: 'max_tokens' | 'max_completion_tokens' | undefined;
  /** Name used in results and logs; defaults to `domain` (or `httpModel`). */
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
