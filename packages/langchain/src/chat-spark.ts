/**
 * ChatSpark: the iFlytek Spark (讯飞星火) chat model for LangChain.js, over the xinghuo SDK.
 */
import type { CallbackManagerForLLMRun } from '@langchain/core/callbacks/manager';
import type { BaseLanguageModelInput } from '@langchain/core/language_models/base';
import { BaseChatModel, type LangSmithParams } from '@langchain/core/language_models/chat_models';
import type { ModelProfile } from '@langchain/core/language_models/profile';
import type { AIMessageChunk, BaseMessage, UsageMetadata } from '@langchain/core/messages';
import type { ChatGenerationChunk, ChatResult } from '@langchain/core/outputs';
import type { Runnable, RunnableConfig } from '@langchain/core/runnables';
import { getEnvironmentVariable } from '@langchain/core/utils/env';
import type { SerializableSchema } from '@langchain/core/utils/standard_schema';
import type { InteropZodType } from '@langchain/core/utils/types';
import {
  type ChatMessage,
  type ChatParams,
  type ModelInput,
  resolveModel,
  SPARK_ENV_VARIABLES,
  type SparkModel,
  type SparkProtocol,
  SparkProtocolError,
  type SparkTimeouts,
} from '@xinghuo/core';
import { errorForAbortedSignal } from './abort-errors';
import {
  type ChatSparkCallOptions,
  type ChatSparkClient,
  type ChatSparkInput,
  SAMPLING_OPTION_KEYS,
  SAMPLING_OPTIONS,
  type SparkInvocationParams,
  type SparkSamplingOptions,
} from './chat-spark-options';
import { registerBlockTranslator } from './content-blocks';
import { toSparkMessages } from './convert-messages';
import { type BindToolsInput, toSparkFunctions } from './convert-tools';
import { eventsToChunks } from './events-to-chunks';
import { readCredentials, resolveClient } from './resolve-client';
import { type SparkStructuredOutputOptions, structuredOutput } from './structured-output';
import { toAIMessage } from './to-message-chunks';
import { selectFunctions, toolChoiceInstruction, toSparkToolChoice } from './tool-choice';

/** The model used when neither `model` nor `SPARK_MODEL` is set: Spark Max, which takes system messages and tools. */
export const DEFAULT_MODEL = 'generalv3.5';

/** Constructor fields that are plain configuration and go into `toJSON()` (secrets are replaced by markers). */
const SERIALIZABLE_KEYS = [
  'model',
  ...SAMPLING_OPTION_KEYS,
  'streamUsage',
  'appId',
  'apiKey',
  'apiSecret',
  'apiPassword',
  'protocol',
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
 *
 * // Over HTTP no client is needed: the APIPassword (or SPARK_API_PASSWORD) and the runtime's fetch.
 * const x2 = new ChatSpark({ model: 'x2', protocol: 'http', apiPassword: process.env.SPARK_API_PASSWORD });
 * ```
 */
// biome-ignore lint/suspicious/noUnsafeDeclarationMerging: the sampling fields come from the interface below and are assigned in the constructor from SAMPLING_OPTION_KEYS
export class ChatSpark extends BaseChatModel<ChatSparkCallOptions, AIMessageChunk> {
  static override lc_name(): string {
    return 'ChatSpark';
  }

  override lc_serializable = true;

  override get lc_secrets(): Record<string, string> {
    return { apiKey: 'SPARK_API_KEY', apiSecret: 'SPARK_API_SECRET', apiPassword: 'SPARK_API_PASSWORD' };
  }

  override get lc_serializable_keys(): string[] {
    return SERIALIZABLE_KEYS;
  }

  override get callKeys(): string[] {
    return [...super.callKeys, 'tools', 'tool_choice', 'streamUsage', ...SAMPLING_OPTION_KEYS];
  }

  /** The model id, alias or custom endpoint requests go to. */
  model: ModelInput;
  /** Put the token usage on the last streamed chunk; default true. */
  streamUsage: boolean;
  /** The app id ChatSpark built its client with (unset when a client was passed). */
  appId: string | undefined;
  /** The API key ChatSpark built its client with; replaced by a secret marker in `toJSON()`. */
  apiKey: string | undefined;
  /** The API secret ChatSpark built its client with; replaced by a secret marker in `toJSON()`. */
  apiSecret: string | undefined;
  /** The HTTP APIPassword ChatSpark built its client with; replaced by a secret marker in `toJSON()`. */
  apiPassword: string | undefined;
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
   * @throws SparkConfigError for an unknown model id, an invalid `SPARK_PROTOCOL`, or when no client is
   *   given and credentials (or, over WebSocket, a transport) are missing. Construction never touches
   *   the network.
   */
  constructor(fields: ChatSparkInput = {}) {
    // LangChain's AsyncCaller retries are switched off: the SDK retries (re-signing each attempt).
    super({ ...fields, maxRetries: 0 });
    this.model = fields.model ?? (getEnvironmentVariable(SPARK_ENV_VARIABLES.model) || DEFAULT_MODEL);
    this.modelInfo = resolveModel(this.model);
    for (const key of SAMPLING_OPTION_KEYS) (this as SparkSamplingOptions)[key] = fields[key] as never;
    this.streamUsage = fields.streamUsage ?? true;
    this.timeouts = fields.timeouts;
    this.maxRetries = fields.maxRetries ?? 2;
    const credentials = readCredentials(fields);
    this.appId = credentials.appId;
    this.apiKey = credentials.apiKey;
    this.apiSecret = credentials.apiSecret;
    this.apiPassword = credentials.apiPassword;
    this.baseURL = credentials.baseURL;
    this.#client = resolveClient(fields, credentials, this.modelInfo);
    registerBlockTranslator();
  }

  /**
   * What LangChain v1 (agents, middleware) may expect of this model, from the registry entry. Tool
   * choice is native over HTTP and emulated over WebSocket (see {@link ChatSpark.bindTools}); there is
   * no native structured output (JSON schema mode; HTTP has only a JSON-object mode), no image input,
   * and the system message must come first.
   */
  override get profile(): ModelProfile {
    const { capabilities, contextWindow, maxOutputTokens } = this.modelInfo;
    return {
      maxInputTokens: contextWindow,
      maxOutputTokens,
      toolCalling: capabilities.functions,
      toolChoice: capabilities.functions,
      structuredOutput: false,
      reasoningOutput: capabilities.reasoning,
      imageInputs: false,
      imageUrlInputs: false,
      pdfInputs: false,
      audioInputs: false,
      videoInputs: false,
      midConversationSystemMessages: false,
    };
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
    const bound = options?.tools?.length ? toSparkFunctions(options.tools) : [];
    // Over HTTP Spark takes tool_choice and gets every function; over WebSocket the choice decides
    // which functions are sent (and the prompt asks for a forced call: see _streamResponseChunks).
    const http = this.protocol === 'http';
    const functions = http || bound.length === 0 ? bound : selectFunctions(bound, options?.tool_choice);
    const params: Record<string, unknown> = {
      model: this.model,
      functions: functions.length ? functions : undefined,
      toolChoice: http ? toSparkToolChoice(bound, options?.tool_choice) : undefined,
    };
    for (const key of SAMPLING_OPTION_KEYS) {
      params[SAMPLING_OPTIONS[key]] = options?.[key] ?? (this as SparkSamplingOptions)[key];
    }
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
   * `tool_choice` (`'auto'`, `'none'`, `'any'`/`'required'`, a tool name or an OpenAI-style choice) is
   * sent as Spark's `tool_choice` over HTTP, which forces or forbids the call. Spark's WebSocket API
   * cannot force a call, so there it is emulated: `'none'` sends no functions, `'auto'` sends all,
   * `'any'`/`'required'` send all and ask for a call at the end of the last user turn, a tool name sends
   * only that function and asks for it; the model may still answer in text.
   *
   * @example
   * ```ts
   * const withWeather = model.bindTools([weatherTool]);
   * const message = await withWeather.invoke('合肥今天天气怎么样？');
   * message.tool_calls; // [{ name: 'get_weather', args: { city: '合肥' }, id: 'call_…' }]
   * // Forced (native over HTTP): model.bindTools([weatherTool], { tool_choice: 'get_weather' })
   * ```
   */
  override bindTools(
    tools: BindToolsInput[],
    kwargs?: Partial<ChatSparkCallOptions>,
  ): Runnable<BaseLanguageModelInput, AIMessageChunk, ChatSparkCallOptions> {
    // Converting now reports a bad schema at bind time rather than on the first call.
    return this.withConfig({ ...kwargs, tools: toSparkFunctions(tools) } as Partial<ChatSparkCallOptions>);
  }

  /** The protocol requests go over: the client's, else the model's default (as core picks it). */
  get protocol(): SparkProtocol {
    return this.#client.protocol ?? (this.modelInfo.url ? 'ws' : 'http');
  }

  override async *_streamResponseChunks(
    messages: BaseMessage[],
    options: this['ParsedCallOptions'],
    runManager?: CallbackManagerForLLMRun,
  ): AsyncGenerator<ChatGenerationChunk> {
    const signal = options.signal;
    if (signal?.aborted) throw errorForAbortedSignal(signal, options.timeoutMs);
    const invocation = this.invocationParams(options);
    const instruction =
      this.protocol === 'http'
        ? undefined
        : toolChoiceInstruction(invocation.functions ?? [], options.tool_choice);
    const params: ChatParams = {
      ...invocation,
      messages: withInstruction(toSparkMessages(messages, undefined, this.protocol), instruction),
    };
    const stream = this.#client.stream(params, signal ? { signal } : {});
    yield* eventsToChunks(stream, {
      modelId: this.modelInfo.id,
      streamUsage: options.streamUsage ?? this.streamUsage,
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
   * whose parameters are the schema (forced with `tool_choice` over HTTP); `method: 'jsonMode'` (default
   * for Lite and other models without functions) asks for JSON in the answer text (and turns on Spark's
   * JSON mode, `responseFormat: 'json_object'`, over HTTP), validates it against the schema and, when it
   * does not validate, asks once more with the error. `includeRaw: true` returns `{ raw, parsed }`.
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

/**
 * ChatSpark's sampling options are instance fields declared once, in {@link SparkSamplingOptions}
 * (the constructor copies them by {@link SAMPLING_OPTION_KEYS}).
 */
export interface ChatSpark extends SparkSamplingOptions {}

/** Appends a forced tool choice's request to the last user turn. */
function withInstruction(messages: ChatMessage[], instruction: string | undefined): ChatMessage[] {
  if (instruction === undefined) return messages;
  const last = messages.at(-1);
  if (last?.role !== 'user') return [...messages, { role: 'user', content: instruction }];
  return [...messages.slice(0, -1), { role: 'user', content: `${last.content}\n\n${instruction}` }];
}
