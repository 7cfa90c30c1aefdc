/**
 * ChatSpark: the iFlytek Spark (讯飞星火) chat model for LangChain.js, over the xinghuo SDK.
 */
import type { CallbackManagerForLLMRun } from '@langchain/core/callbacks/manager';
import type { BaseLanguageModelInput } from '@langchain/core/language_models/base';
import { BaseChatModel, type LangSmithParams } from '@langchain/core/language_models/chat_models';
import type { AIMessageChunk, BaseMessage, UsageMetadata } from '@langchain/core/messages';
import type { ChatGenerationChunk, ChatResult } from '@langchain/core/outputs';
import type { Runnable, RunnableConfig } from '@langchain/core/runnables';
import { getEnvironmentVariable } from '@langchain/core/utils/env';
import type { SerializableSchema } from '@langchain/core/utils/standard_schema';
import type { InteropZodType } from '@langchain/core/utils/types';
import {
  type ChatParams,
  type ModelInput,
  resolveModel,
  type SparkModel,
  SparkProtocolError,
  type SparkTimeouts,
  type TrimHistoryOptions,
  type WebSearchOptions,
} from '@xinghuo/core';
import { errorForAbortedSignal } from './abort-errors';
import type {
  ChatSparkCallOptions,
  ChatSparkClient,
  ChatSparkInput,
  SparkInvocationParams,
} from './chat-spark-options';
import { toSparkMessages } from './convert-messages';
import { type BindToolsInput, toSparkFunctions } from './convert-tools';
import { eventsToChunks } from './events-to-chunks';
import { readCredentials, resolveClient } from './resolve-client';
import { type SparkStructuredOutputOptions, structuredOutput } from './structured-output';
import { toAIMessage } from './to-message-chunks';
import { selectFunctions } from './tool-choice';

/** The model used when neither `model` nor `SPARK_MODEL` is set: Spark Max, which takes system messages and tools. */
export const DEFAULT_MODEL = 'generalv3.5';

/** Request settings that are both constructor fields and per-call options (a call option wins). */
const REQUEST_SETTING_KEYS = [
  'temperature',
  'maxTokens',
  'topK',
  'uid',
  'chatId',
  'webSearch',
  'thinking',
  'trimHistory',
  'modelKwargs',
];

/** Constructor fields that are plain configuration and go into `toJSON()` (secrets are replaced by markers). */
const SERIALIZABLE_KEYS = [
  'model',
  ...REQUEST_SETTING_KEYS,
  'appId',
  'apiKey',
  'apiSecret',
  'baseURL',
  'timeouts',
  'maxRetries',
  'streaming',
  'disableStreaming',
];

/**
 * A LangChain chat model for iFlytek Spark (讯飞星火).
 *
 * Streams token by token, reports usage and Spark's session id, supports system messages, tools
 * (`bindTools`), structured output, aborts and timeouts, and surfaces the SDK's typed errors
 * (`SparkContentFilterError`, `SparkAuthError`, …) unchanged.
 *
 * @example
 * ```ts
 * import { createSparkClient } from '@xinghuo/node';
 * import { ChatSpark } from '@xinghuo/langchain';
 *
 * const model = new ChatSpark({ client: createSparkClient(), model: 'generalv3.5' });
 * const answer = await model.invoke('用一句话介绍合肥。');
 * console.log(answer.content, answer.usage_metadata);
 * ```
 */
export class ChatSpark extends BaseChatModel<ChatSparkCallOptions, AIMessageChunk> {
  static override lc_name(): string {
    return 'ChatSpark';
  }

  override lc_serializable = true;

  override get lc_secrets(): Record<string, string> {
    return { apiKey: 'SPARK_API_KEY', apiSecret: 'SPARK_API_SECRET' };
  }

  override get lc_serializable_keys(): string[] {
    return SERIALIZABLE_KEYS;
  }

  override get callKeys(): string[] {
    return [...super.callKeys, 'tools', 'tool_choice', ...REQUEST_SETTING_KEYS];
  }

  /** The model id, alias or custom endpoint requests go to. */
  model: ModelInput;
  /** Sampling temperature, (0, 1]; Spark's default when unset. */
  temperature: number | undefined;
  /** Upper bound of answer tokens; the model's default when unset. */
  maxTokens: number | undefined;
  /** Sample from the k most likely tokens, 1–6. */
  topK: number | undefined;
  /** End-user id sent as `header.uid`. */
  uid: string | undefined;
  /** Session id for Spark's logs. */
  chatId: string | undefined;
  /** Spark web search settings. */
  webSearch: boolean | WebSearchOptions | undefined;
  /** Reasoning mode of x1 / spark-x. */
  thinking: 'enabled' | 'disabled' | 'auto' | undefined;
  /** History trimming through `@xinghuo/core`'s `trimHistory`. */
  trimHistory: boolean | TrimHistoryOptions | undefined;
  /** Extra `parameter.chat` keys sent as they are. */
  modelKwargs: Readonly<Record<string, unknown>> | undefined;
  /** The app id ChatSpark built its client with (unset when a client was passed). */
  appId: string | undefined;
  /** The API key ChatSpark built its client with; replaced by a secret marker in `toJSON()`. */
  apiKey: string | undefined;
  /** The API secret ChatSpark built its client with; replaced by a secret marker in `toJSON()`. */
  apiSecret: string | undefined;
  /** The base URL ChatSpark built its client with. */
  baseURL: string | undefined;
  /** The deadlines ChatSpark built its client with. */
  timeouts: Partial<SparkTimeouts> | undefined;
  /** Retries of the SDK's retry policy (LangChain's own retry is off). */
  maxRetries: number;
  /** Always true: ChatSpark streams on the wire; `invoke` drains the stream. */
  streaming = true;

  /** The registry entry of {@link ChatSpark.model}. */
  readonly modelInfo: SparkModel;
  readonly #client: ChatSparkClient;

  /**
   * @throws SparkConfigError for an unknown model id, or when no client is given and credentials or a
   *   WebSocket transport are missing. Construction never touches the network.
   */
  constructor(fields: ChatSparkInput = {}) {
    // LangChain's AsyncCaller retries are switched off: the SDK retries (re-signing each attempt).
    super({ ...fields, maxRetries: 0 });
    this.model = fields.model ?? (getEnvironmentVariable('SPARK_MODEL') || DEFAULT_MODEL);
    this.modelInfo = resolveModel(this.model);
    this.temperature = fields.temperature;
    this.maxTokens = fields.maxTokens;
    this.topK = fields.topK;
    this.uid = fields.uid;
    this.chatId = fields.chatId;
    this.webSearch = fields.webSearch;
    this.thinking = fields.thinking;
    this.trimHistory = fields.trimHistory;
    this.modelKwargs = fields.modelKwargs;
    this.timeouts = fields.timeouts;
    this.maxRetries = fields.maxRetries ?? 2;
    const credentials = readCredentials(fields);
    this.appId = credentials.appId;
    this.apiKey = credentials.apiKey;
    this.apiSecret = credentials.apiSecret;
    this.baseURL = credentials.baseURL;
    this.#client = resolveClient(fields, credentials);
  }

  /**
   * LangChain turns the `timeout` call option into an abort signal and drops the number; it keeps it in
   * the run metadata, where it is picked up here so a timeout error can say how long the limit was.
   */
  protected override _separateRunnableConfigFromCallOptionsCompat(
    options?: Partial<ChatSparkCallOptions>,
  ): [RunnableConfig, this['ParsedCallOptions']] {
    const [config, callOptions] = super._separateRunnableConfigFromCallOptionsCompat(options);
    const timeoutMs = config.metadata?.timeoutMs;
    if (typeof timeoutMs === 'number') callOptions.timeoutMs = timeoutMs;
    return [config, callOptions];
  }

  override _llmType(): string {
    return 'spark';
  }

  /** The request fields (without messages) a call with these options sends. */
  override invocationParams(options?: this['ParsedCallOptions']): SparkInvocationParams {
    const functions = options?.tools?.length
      ? selectFunctions(toSparkFunctions(options.tools), options.tool_choice)
      : undefined;
    const extra = options?.modelKwargs ?? this.modelKwargs;
    const params: SparkInvocationParams = {
      model: this.model,
      temperature: options?.temperature ?? this.temperature,
      maxTokens: options?.maxTokens ?? this.maxTokens,
      topK: options?.topK ?? this.topK,
      uid: options?.uid ?? this.uid,
      chatId: options?.chatId ?? this.chatId,
      webSearch: options?.webSearch ?? this.webSearch,
      thinking: options?.thinking ?? this.thinking,
      trimHistory: options?.trimHistory ?? this.trimHistory,
      functions: functions?.length ? functions : undefined,
      extra,
    };
    // Undefined fields are left out so the SDK applies Spark's defaults and traces stay short.
    return Object.fromEntries(
      Object.entries(params).filter(([, value]) => value !== undefined),
    ) as SparkInvocationParams;
  }

  override getLsParams(options: this['ParsedCallOptions']): LangSmithParams {
    const params = this.invocationParams(options);
    return {
      ls_provider: 'iflytek',
      ls_model_name: this.modelInfo.id,
      ls_model_type: 'chat',
      ls_temperature: params.temperature,
      ls_max_tokens: params.maxTokens ?? this.modelInfo.defaultMaxTokens,
      ls_stop: options.stop,
    } as LangSmithParams;
  }

  /**
   * Binds tools the model may call: LangChain tools, `{ name, description, schema }`, OpenAI-style
   * tools or Spark function definitions (parameters as zod or JSON schema).
   *
   * Spark cannot be forced to call a function: `tool_choice: 'none'` sends no functions, a tool name
   * sends only that function, `'auto'`/`'any'`/`'required'` send them all.
   *
   * @example
   * ```ts
   * const withWeather = model.bindTools([weatherTool]);
   * const message = await withWeather.invoke('合肥今天天气怎么样？');
   * message.tool_calls; // [{ name: 'get_weather', args: { city: '合肥' }, id: 'call_…' }]
   * ```
   */
  override bindTools(
    tools: BindToolsInput[],
    kwargs?: Partial<ChatSparkCallOptions>,
  ): Runnable<BaseLanguageModelInput, AIMessageChunk, ChatSparkCallOptions> {
    // Converting now reports a bad schema at bind time rather than on the first call.
    return this.withConfig({ ...kwargs, tools: toSparkFunctions(tools) } as Partial<ChatSparkCallOptions>);
  }

  override async *_streamResponseChunks(
    messages: BaseMessage[],
    options: this['ParsedCallOptions'],
    runManager?: CallbackManagerForLLMRun,
  ): AsyncGenerator<ChatGenerationChunk> {
    const signal = options.signal;
    if (signal?.aborted) throw errorForAbortedSignal(signal, options.timeoutMs);
    const params: ChatParams = { ...this.invocationParams(options), messages: toSparkMessages(messages) };
    const stream = this.#client.stream(params, signal ? { signal } : {});
    yield* eventsToChunks(stream, {
      modelId: this.modelInfo.id,
      stop: options.stop,
      signal,
      timeoutMs: options.timeoutMs,
      runManager,
    });
  }

  override async _generate(
    messages: BaseMessage[],
    options: this['ParsedCallOptions'],
    runManager?: CallbackManagerForLLMRun,
  ): Promise<ChatResult> {
    let aggregate: ChatGenerationChunk | undefined;
    for await (const chunk of this._streamResponseChunks(messages, options, runManager)) {
      aggregate = aggregate === undefined ? chunk : aggregate.concat(chunk);
    }
    if (aggregate === undefined) throw new SparkProtocolError('The answer ended without any frame.');
    const message = toAIMessage(aggregate.message as AIMessageChunk);
    const usage = (aggregate.message as AIMessageChunk).usage_metadata as UsageMetadata | undefined;
    return {
      generations: [
        {
          text: aggregate.text,
          message,
          ...(aggregate.generationInfo ? { generationInfo: aggregate.generationInfo } : {}),
        },
      ],
      llmOutput: usage
        ? {
            tokenUsage: {
              promptTokens: usage.input_tokens,
              completionTokens: usage.output_tokens,
              totalTokens: usage.total_tokens,
            },
          }
        : {},
    };
  }

  /**
   * Returns a runnable whose output follows `schema` (zod, standard schema or JSON schema).
   *
   * `method: 'functionCalling'` (default for models with function calling) asks Spark to call a function
   * whose parameters are the schema; `method: 'jsonMode'` (default for Lite and other models without
   * functions) asks for JSON in the answer text, validates it against the schema and, when it does not
   * validate, asks once more with the error. `includeRaw: true` returns `{ raw, parsed }`.
   *
   * @example
   * ```ts
   * const extractor = model.withStructuredOutput(z.object({ city: z.string(), days: z.number() }));
   * const trip = await extractor.invoke('下周去合肥玩三天');
   * ```
   */
  override withStructuredOutput<RunOutput extends Record<string, unknown> = Record<string, unknown>>(
    outputSchema: InteropZodType<RunOutput> | SerializableSchema<RunOutput> | Record<string, unknown>,
    config?: SparkStructuredOutputOptions<false>,
  ): Runnable<BaseLanguageModelInput, RunOutput>;
  override withStructuredOutput<RunOutput extends Record<string, unknown> = Record<string, unknown>>(
    outputSchema: InteropZodType<RunOutput> | SerializableSchema<RunOutput> | Record<string, unknown>,
    config?: SparkStructuredOutputOptions<true>,
  ): Runnable<BaseLanguageModelInput, { raw: BaseMessage; parsed: RunOutput }>;
  override withStructuredOutput<RunOutput extends Record<string, unknown> = Record<string, unknown>>(
    outputSchema: InteropZodType<RunOutput> | SerializableSchema<RunOutput> | Record<string, unknown>,
    config?: SparkStructuredOutputOptions<boolean>,
  ):
    | Runnable<BaseLanguageModelInput, RunOutput>
    | Runnable<BaseLanguageModelInput, { raw: BaseMessage; parsed: RunOutput }> {
    return structuredOutput<RunOutput>(this, outputSchema, config);
  }
}
