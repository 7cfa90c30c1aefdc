/**
 * Constructor fields and call options of {@link ChatSpark}.
 */
import type {
  BaseChatModelCallOptions,
  BaseChatModelParams,
} from '@langchain/core/language_models/chat_models';
import type {
  ChatParams,
  ModelInput,
  RequestOptions,
  SparkClient,
  SparkClientOptions,
  SparkEnvironmentOptions,
  TrimHistoryOptions,
  WebSearchOptions,
} from '@xinghuo/core';
import type { BindToolsInput } from './convert-tools';

/**
 * What ChatSpark needs from a client: `stream()` of a `SparkClient` from `@xinghuo/node`,
 * `@xinghuo/browser` or `@xinghuo/core`.
 */
export type ChatSparkClient = Pick<SparkClient, 'stream'> & Partial<Pick<SparkClient, 'protocol'>>;

/**
 * Options shared by the constructor and by each call (a call option wins). An option is declared here
 * and in {@link SAMPLING_OPTIONS}; ChatSpark's field, call key and request field follow from the two.
 */
export interface SparkSamplingOptions {
  /**
   * Sampling temperature. WebSocket: (0, 1] for chat models, [0, 2] for reasoning models, Spark's default
   * 0.5. HTTP: [0, 2], Spark's default 1.0.
   */
  temperature?: number | undefined;
  /** Upper bound of answer tokens, 1 … the model's `maxOutputTokens`. */
  maxTokens?: number | undefined;
  /** Sample from the k most likely tokens, 1–6. */
  topK?: number | undefined;
  /**
   * HTTP only (`top_p`): nucleus sampling, greater than 0 and at most 1. Over WebSocket the request is
   * refused with a `SparkInvalidRequestError` naming protocol `'http'`.
   */
  topP?: number | undefined;
  /**
   * HTTP only (`presence_penalty`), from -2 to 2: positive values favour tokens not used yet. Over
   * WebSocket the request is refused with a `SparkInvalidRequestError` naming protocol `'http'`.
   */
  presencePenalty?: number | undefined;
  /**
   * HTTP only (`frequency_penalty`), from -2 to 2: positive values penalise tokens by how often they
   * were used. Over WebSocket the request is refused with a `SparkInvalidRequestError` naming protocol `'http'`.
   */
  frequencyPenalty?: number | undefined;
  /** End-user id for Spark's abuse tracking, at most 32 characters. */
  uid?: string | undefined;
  /** Session id for Spark's logs; Spark does not remember history because of it. */
  chatId?: string | undefined;
  /** Web search: `true`, `false` (explicitly off) or options. */
  webSearch?: boolean | WebSearchOptions | undefined;
  /** Reasoning mode for x1 / spark-x. */
  thinking?: 'enabled' | 'disabled' | 'auto' | undefined;
  /**
   * HTTP only: `'json_object'` turns on Spark's JSON mode (`response_format`), so the answer is one JSON
   * object. Over WebSocket the request is refused with a `SparkInvalidRequestError`.
   */
  responseFormat?: 'text' | 'json_object' | undefined;
  /**
   * Drop the oldest turns so the conversation fits the model's context window (`@xinghuo/core`'s
   * `trimHistory`: keeps the system message and the latest user turn).
   */
  trimHistory?: boolean | TrimHistoryOptions | undefined;
  /**
   * Extra keys merged as they are into `parameter.chat` (WebSocket) or the request body (HTTP), for
   * Spark options the SDK does not type yet.
   */
  modelKwargs?: Readonly<Record<string, unknown>> | undefined;
}

/**
 * Each sampling option and the `ChatParams` field it is sent as. The `satisfies` clause makes the
 * compiler ask for a row whenever {@link SparkSamplingOptions} gains a key.
 */
export const SAMPLING_OPTIONS = {
  temperature: 'temperature',
  maxTokens: 'maxTokens',
  topK: 'topK',
  topP: 'topP',
  presencePenalty: 'presencePenalty',
  frequencyPenalty: 'frequencyPenalty',
  uid: 'uid',
  chatId: 'chatId',
  webSearch: 'webSearch',
  thinking: 'thinking',
  responseFormat: 'responseFormat',
  trimHistory: 'trimHistory',
  modelKwargs: 'extra',
} as const satisfies { readonly [Option in keyof Required<SparkSamplingOptions>]: keyof ChatParams };

/** The names of the sampling options. */
export const SAMPLING_OPTION_KEYS = Object.keys(SAMPLING_OPTIONS) as Array<keyof SparkSamplingOptions>;

/** Output options shared by the constructor and by each call. */
export interface SparkOutputOptions {
  /**
   * Put Spark's token usage on the last streamed chunk (`usage_metadata`), as LangChain's
   * `streamUsage` of other chat models. Default true.
   */
  streamUsage?: boolean | undefined;
}

/**
 * Constructor fields of {@link ChatSpark}.
 *
 * Pass a ready `client` (recommended: `createSparkClient()` from `@xinghuo/node` on servers,
 * `@xinghuo/browser` in pages), or credentials: for WebSocket `appId`, `apiKey` and `apiSecret` (or
 * `signUrl`) plus a `transport` where the runtime has no global WebSocket; for HTTP `apiPassword` (or
 * `apiKey` and `apiSecret`), nothing else, since HTTP uses the runtime's `fetch`. Settings not passed
 * are read from `SPARK_APP_ID`, `SPARK_API_KEY`, `SPARK_API_SECRET`, `SPARK_API_PASSWORD`,
 * `SPARK_PROTOCOL` and `SPARK_BASE_URL`. `fetch`, `signUrl`, `timeouts` and `logger` are core's
 * `SparkClientOptions`, the credentials, `protocol` and `baseURL` core's `SparkEnvironmentOptions`
 * (documented there, with their `SPARK_*` defaults), passed to the client ChatSpark builds. The
 * credentials are never serialized.
 */
export interface ChatSparkInput
  extends Omit<BaseChatModelParams, 'maxRetries'>,
    Pick<SparkClientOptions, 'fetch' | 'signUrl' | 'timeouts' | 'logger'>,
    SparkEnvironmentOptions,
    SparkSamplingOptions,
    SparkOutputOptions {
  /** Model id, alias or custom `{ url, domain }`. Defaults to `SPARK_MODEL`, then `'generalv3.5'` (Spark Max). */
  model?: ModelInput | undefined;
  /** A Spark client; when given, the protocol, credential, transport and network fields below are not used. */
  client?: ChatSparkClient | undefined;
  /** How to open WebSockets. Default: the global `WebSocket`, when the runtime has one. */
  transport?: SparkClientOptions['transport'];
  /**
   * Retries of the SDK's own policy (retryable errors before the first token, re-signing each attempt).
   * LangChain's generic retry is switched off so requests are never retried twice over. Default 2.
   * Used when ChatSpark builds the client; a client you pass keeps its own setting.
   */
  maxRetries?: SparkClientOptions['maxRetries'];
  /**
   * Allow `apiSecret` in a browser page. Anyone who opens the page can read it: prefer a `signUrl`
   * provider or a `@xinghuo/browser` client.
   */
  dangerouslyAllowBrowser?: boolean | undefined;
  /** Accepted for LangChain compatibility: ChatSpark always streams on the wire. */
  streaming?: boolean | undefined;
}

/** Per-call options of {@link ChatSpark} (`model.invoke(input, options)`, `.bind(...)`, `.withConfig(...)`). */
export interface ChatSparkCallOptions
  extends BaseChatModelCallOptions,
    SparkSamplingOptions,
    SparkOutputOptions {
  /** Tools the model may call, as set by `bindTools`. */
  tools?: BindToolsInput[] | undefined;
  /** The `timeout` call option in milliseconds, kept by ChatSpark to word its timeout error. */
  timeoutMs?: number | undefined;
}

/** Request fields ChatSpark sends, without the messages (what tracing shows as invocation params). */
export type SparkInvocationParams = Omit<ChatParams, 'messages'>;

/** Options ChatSpark passes to `client.stream()`. */
export type SparkStreamRequestOptions = RequestOptions;
