/**
 * The public data types of the SDK: what goes into a chat request and what comes out.
 * Wire (snake_case) shapes live only in `encode-request.ts` and `decode-frame.ts`.
 */
import type { SparkError } from './errors/spark-error';
import type { TrimHistoryOptions } from './history/trim-history-options';
import type { SparkModelId } from './models/model-id';
import type { CustomModel, SparkModel } from './models/models';

/**
 * Roles of a conversation turn. `tool` (the result of a function call) exists only on the HTTP
 * protocol; a WebSocket request with it is refused before any network.
 */
export type ChatRole = 'system' | 'user' | 'assistant' | 'tool';

/** The two wire protocols of Spark: the signed WebSocket and the OpenAI-compatible HTTP API. */
export type SparkProtocol = 'ws' | 'http';

/** One conversation turn. */
export interface ChatMessage {
  role: ChatRole;
  content: string;
  /**
   * HTTP only, on an `assistant` turn: the function calls it made (`result.functionCalls`), sent back
   * so that the `tool` turns that follow can quote their ids.
   */
  toolCalls?: readonly FunctionCall[] | undefined;
  /** HTTP only, on a `tool` turn: the `id` of the function call whose result `content` is. */
  toolCallId?: string | undefined;
}

/** A JSON-schema object describing function parameters (`type: "object"`). */
export interface FunctionParameters {
  type: 'object';
  properties: Record<string, unknown>;
  required?: string[] | undefined;
  [key: string]: unknown;
}

/** A function the model may call (Spark `payload.functions.text[]`). */
export interface SparkFunctionDefinition {
  name: string;
  description: string;
  parameters: FunctionParameters;
}

/**
 * Whether and which function the model must call (`tool_choice` of the HTTP API, spec §6.3).
 *
 * - `'auto'`: the model decides (Spark's default).
 * - `'none'`: the model answers in text.
 * - `'required'`: the model must call one of `functions`.
 * - `{ name }`: the model must call that function, which must be one of `functions`.
 *
 * Spark's WebSocket API has no `tool_choice`: there `'auto'` changes nothing, `'none'` leaves the
 * functions out of the frame (the same outcome, since nothing can be called), and a forced choice is
 * refused with a `SparkInvalidRequestError` that names protocol `'http'`.
 */
export type SparkToolChoice = 'auto' | 'none' | 'required' | { name: string };

/** Web search options (`parameter.chat.tools[{type: "web_search"}]`). */
export interface WebSearchOptions {
  /** Let the model search (Spark's default is on). */
  enable?: boolean | undefined;
  /** Return the sources first, as a `search-results` event. */
  showRefLabel?: boolean | undefined;
  /** `deep` reads whole pages and costs more tokens. */
  searchMode?: 'normal' | 'deep' | undefined;
}

/** A model id or alias from the registry (`'lite'`, `'max'`, `'generalv3.5'`…) or a custom endpoint. */
export type ModelInput = SparkModelId | CustomModel | SparkModel;

/** One chat request. */
export interface ChatParams {
  /** Model id, alias or custom `{ url, domain }`. Defaults to the client's `defaultModel`. */
  model?: ModelInput | undefined;
  /**
   * The wire protocol of this request; defaults to the client's `protocol`, else WebSocket when the
   * model has a WebSocket endpoint and HTTP when it has only an HTTP one.
   */
  protocol?: SparkProtocol | undefined;
  /** The conversation: optional system first, alternating user/assistant, ending with user. */
  messages: readonly ChatMessage[];
  /**
   * Sampling temperature. WebSocket: (0, 1] for chat models, [0, 2] for reasoning models (x1), Spark's
   * default 0.5. HTTP: [0, 2] for every model, Spark's default 1.0.
   */
  temperature?: number | undefined;
  /** Upper bound of answer tokens, 1 … the model's `maxOutputTokens`. */
  maxTokens?: number | undefined;
  /** Sample from the k most likely tokens, 1–6. */
  topK?: number | undefined;
  /**
   * HTTP only (`top_p`): nucleus sampling, a number greater than 0 and at most 1. Spark's WebSocket
   * API documents no such option; a WebSocket request with it is refused, naming protocol `'http'`.
   * (iFlytek's Java SDK sends `top_p` and both penalties to X1 over WebSocket, with defaults outside
   * the HTTP ranges, spec §3.3, unverified: there they can go unchecked through `extra`.)
   */
  topP?: number | undefined;
  /**
   * HTTP only (`presence_penalty`): from -2 to 2; positive values push the model towards tokens that
   * have not appeared yet. A WebSocket request with it is refused, naming protocol `'http'`.
   */
  presencePenalty?: number | undefined;
  /**
   * HTTP only (`frequency_penalty`): from -2 to 2; positive values penalise tokens by how often they
   * have appeared. A WebSocket request with it is refused, naming protocol `'http'`.
   */
  frequencyPenalty?: number | undefined;
  /** End-user id for Spark's abuse tracking, at most 32 characters. */
  uid?: string | undefined;
  /** WebSocket only. Session id for Spark's logs; does not make the server remember history. */
  chatId?: string | undefined;
  /** Functions the model may call. */
  functions?: readonly SparkFunctionDefinition[] | undefined;
  /**
   * Whether and which function the model must call: `'auto'` (default), `'none'`, `'required'` or
   * `{ name }` of one of `functions`. Forcing a call (`'required'`, `{ name }`) needs protocol
   * `'http'`; `'auto'` and `'none'` work on both protocols (see {@link SparkToolChoice}).
   */
  toolChoice?: SparkToolChoice | undefined;
  /** Web search: `true`, `false` (explicitly off) or options. */
  webSearch?: boolean | WebSearchOptions | undefined;
  /** Reasoning mode for x1 / spark-x. */
  thinking?: 'enabled' | 'disabled' | 'auto' | undefined;
  /** HTTP only: `json_object` makes the model answer with one JSON object (`response_format`). */
  responseFormat?: 'text' | 'json_object' | undefined;
  /** WebSocket only. Fine-tuned resource id(s), sent as `header.patch_id`. */
  patchId?: string | readonly string[] | undefined;
  /**
   * Extra keys merged as they are into `parameter.chat` (WebSocket) or the request body (HTTP): the
   * escape hatch for new Spark options.
   */
  extra?: Readonly<Record<string, unknown>> | undefined;
  /** Trim the oldest turns to fit the model's context window before sending. */
  trimHistory?: boolean | TrimHistoryOptions | undefined;
}

/** Token counts Spark reports on the final frame. */
export interface Usage {
  promptTokens: number;
  completionTokens: number;
  totalTokens: number;
}

/** A function call the model made. */
export interface FunctionCall {
  /** HTTP only: the call's id, quoted as `toolCallId` on the `tool` message with its result. */
  id?: string | undefined;
  name: string;
  /** The arguments exactly as Spark sent them: a JSON-encoded string. */
  arguments: string;
  /** `JSON.parse(arguments)` when it parses. */
  parsedArguments?: unknown;
  /** Why `arguments` did not parse, when it did not. */
  parseError?: string | undefined;
}

/** One web-search source (`plugins.text[].content`). */
export interface SearchResult {
  index: number;
  url: string;
  title: string;
}

/** Why the answer ended. */
export type FinishReason = 'stop' | 'length' | 'function_call';

/** The whole answer of one exchange. */
export interface ChatResult {
  /** The answer text, including the final frame's text. */
  text: string;
  /** x1 reasoning text, when the model produced any. */
  reasoning?: string | undefined;
  /** The function call, or the first of several (see `functionCalls`). */
  functionCall?: FunctionCall | undefined;
  /** Every function call of the answer, in order (several only over HTTP); absent when none. */
  functionCalls?: FunctionCall[] | undefined;
  searchResults?: SearchResult[] | undefined;
  usage: Usage;
  /** Spark session id: quote it to iFlytek support. */
  sid: string;
  /** The registry id of the model that answered (or the custom domain). */
  model: string;
  finishReason: FinishReason;
  /** Messages that history trimming removed before sending, oldest first. */
  trimmedMessages?: ChatMessage[] | undefined;
  /** How many attempts the request took: 1, or more after retries. Set by the client on every result. */
  attempts?: number | undefined;
}

/** Events of a {@link ChatStream}, in the order they arrive. */
export type SparkStreamEvent =
  | { type: 'text-delta'; text: string }
  | { type: 'reasoning-delta'; text: string }
  /** One per function call, in order. */
  | { type: 'function-call'; functionCall: FunctionCall }
  | { type: 'search-results'; results: SearchResult[] }
  | { type: 'usage'; usage: Usage }
  | { type: 'end'; result: ChatResult };

/** Per-call options. */
export interface RequestOptions {
  /** Aborts the request: it settles at once with `SparkAbortError` and the socket is closed. */
  signal?: AbortSignal | undefined;
}

/** Minimal structured logger; any of `console`, pino or winston fits. */
export interface SparkLogger {
  debug?(message: string, data?: Record<string, unknown>): void;
  info?(message: string, data?: Record<string, unknown>): void;
  warn?(message: string, data?: Record<string, unknown>): void;
  error?(message: string, data?: Record<string, unknown>): void;
}

/** Re-exported for convenience in signatures. */
export type { SparkError };
