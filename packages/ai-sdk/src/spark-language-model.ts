/**
 * `LanguageModelV3` over a Spark client: one Spark exchange per `doGenerate` / `doStream` call.
 */
import type {
  LanguageModelV3,
  LanguageModelV3CallOptions,
  LanguageModelV3Content,
  LanguageModelV3GenerateResult,
  LanguageModelV3StreamPart,
  LanguageModelV3StreamResult,
} from '@ai-sdk/provider';
import type { SparkModel, SparkProtocol, SparkStreamEvent } from '@xinghuo/core';
import { prepareCall } from './prepare-call';
import type { SparkModelSettings, SparkProviderClient } from './spark-provider-options';
import { StreamPartTranslator } from './stream-parts';
import { toApiCallError } from './to-api-call-error';
import { unwrapJson } from './unwrap-json';

/** What a model gets from its provider. */
export interface SparkLanguageModelConfig {
  /** Provider name in `model.provider`, e.g. `'spark.chat'`. */
  provider: string;
  /** The client, built on first use. */
  client: () => SparkProviderClient;
  /** The provider's `protocol` option: sent with every request and decides how tool turns are written. */
  protocol?: SparkProtocol | undefined;
}

/** A Spark chat model for the AI SDK (`generateText`, `streamText`, `generateObject`, agents). */
export class SparkLanguageModel implements LanguageModelV3 {
  readonly specificationVersion = 'v3';
  readonly provider: string;
  readonly modelId: string;
  /** Spark chat models take text only: no URL is passed through. */
  readonly supportedUrls: Record<string, RegExp[]> = {};
  readonly #model: SparkModel;
  readonly #settings: SparkModelSettings;
  readonly #config: SparkLanguageModelConfig;

  constructor(model: SparkModel, settings: SparkModelSettings, config: SparkLanguageModelConfig) {
    this.modelId = model.id;
    this.provider = config.provider;
    this.#model = model;
    this.#settings = settings;
    this.#config = config;
  }

  async doGenerate(options: LanguageModelV3CallOptions): Promise<LanguageModelV3GenerateResult> {
    const { stream, request, jsonResponse, warnings } = await this.#start(options);
    const content: LanguageModelV3Content[] = [];
    let finish: Extract<LanguageModelV3StreamPart, { type: 'finish' }> | undefined;
    let metadata: Extract<LanguageModelV3StreamPart, { type: 'response-metadata' }> | undefined;
    const reader = stream.getReader();
    for (let read = await reader.read(); !read.done; read = await reader.read()) {
      const part = read.value;
      switch (part.type) {
        case 'text-delta':
        case 'reasoning-delta': {
          const type = part.type === 'text-delta' ? 'text' : 'reasoning';
          const last = content.at(-1);
          if (last?.type === type) last.text += part.delta;
          else content.push({ type, text: part.delta });
          break;
        }
        case 'tool-call':
        case 'source':
          content.push(part);
          break;
        case 'response-metadata':
          metadata = part;
          break;
        case 'finish':
          finish = part;
          break;
        case 'error':
          throw part.error;
      }
    }
    if (jsonResponse) for (const part of content) if (part.type === 'text') part.text = unwrapJson(part.text);
    // A moderation stop hides what was streamed before it: iFlytek asks not to show it.
    const shown = finish?.finishReason.unified === 'content-filter' ? [] : content;
    return {
      content: shown,
      finishReason: finish?.finishReason ?? { unified: 'other', raw: undefined },
      usage: finish?.usage ?? {
        inputTokens: { total: undefined, noCache: undefined, cacheRead: undefined, cacheWrite: undefined },
        outputTokens: { total: undefined, text: undefined, reasoning: undefined },
      },
      ...(finish?.providerMetadata ? { providerMetadata: finish.providerMetadata } : {}),
      request,
      ...(metadata ? { response: responseOf(metadata) } : {}),
      warnings,
    };
  }

  async doStream(options: LanguageModelV3CallOptions): Promise<LanguageModelV3StreamResult> {
    const { stream, request } = await this.#start(options);
    return { stream, request };
  }

  /**
   * Starts the exchange and waits for its first event, so that a failure before any answer (refused
   * handshake, rate limit, timeout) rejects this call and the AI SDK's `maxRetries` can retry it.
   */
  async #start(options: LanguageModelV3CallOptions) {
    let client: SparkProviderClient;
    try {
      client = this.#config.client();
    } catch (error) {
      throw toApiCallError(error, this.#model.url ?? this.#model.http?.url ?? this.#model.id, {});
    }
    const protocol = this.#protocol(client);
    const prepared = prepareCall(this.#model, this.#settings, options, protocol);
    if (this.#config.protocol) prepared.params.protocol = this.#config.protocol;
    const requestBody = this.#requestBody(prepared.params);
    const toError = (error: unknown): unknown =>
      toApiCallError(
        error,
        (protocol === 'http' ? this.#model.http?.url : this.#model.url) ?? this.#model.id,
        requestBody,
      );
    const signal = options.abortSignal;
    let chat: ReturnType<SparkProviderClient['stream']>;
    try {
      chat = client.stream(prepared.params, signal ? { signal } : {});
    } catch (error) {
      throw toError(error);
    }
    const events: AsyncIterator<SparkStreamEvent> = chat[Symbol.asyncIterator]();

    const buffered: LanguageModelV3StreamPart[] = [{ type: 'stream-start', warnings: prepared.warnings }];
    let emitTo: (part: LanguageModelV3StreamPart) => void = (part) => buffered.push(part);
    let emitted = false;
    const translator = new StreamPartTranslator(
      (part) => {
        emitted = true;
        emitTo(part);
      },
      this.#model.id,
      toError,
    );

    try {
      const first = await events.next();
      if (!first.done) translator.event(first.value);
    } catch (error) {
      if (signal?.aborted) throw abortReason(signal, error);
      translator.fail(error);
      // Anything but moderation fails the call itself, so the AI SDK can retry it.
      const failure = buffered.find((part) => part.type === 'error');
      if (failure) throw failure.error;
    }

    const stream = new ReadableStream<LanguageModelV3StreamPart>({
      start(controller) {
        for (const part of buffered) controller.enqueue(part);
        emitTo = (part) => controller.enqueue(part);
        if (translator.finished) controller.close();
      },
      async pull(controller) {
        try {
          // A pull that enqueues nothing is not repeated by the stream, so read until a part is out
          // (a `usage` event, for one, yields no part of its own).
          emitted = false;
          while (!emitted) {
            const next = await events.next();
            if (next.done) {
              controller.close();
              return;
            }
            translator.event(next.value);
          }
          if (translator.finished) controller.close();
        } catch (error) {
          if (signal?.aborted) {
            controller.error(abortReason(signal, error));
            return;
          }
          translator.fail(error);
          controller.close();
        }
      },
      cancel(reason) {
        chat.abort(reason);
      },
    });
    return {
      stream,
      request: { body: requestBody },
      jsonResponse: prepared.jsonResponse,
      warnings: prepared.warnings,
    };
  }

  /** The protocol the request goes over: the provider's, else the client's, else the model's default (as core picks it). */
  #protocol(client: SparkProviderClient): SparkProtocol {
    return this.#config.protocol ?? client.protocol ?? (this.#model.url ? 'ws' : 'http');
  }

  /** The request as telemetry shows it: the Spark parameters, the model by id. */
  #requestBody(params: ReturnType<typeof prepareCall>['params']): Record<string, unknown> {
    return { ...params, model: this.#model.id };
  }
}

/** The response metadata of a `response-metadata` part, without its `type`. */
function responseOf({
  type: _type,
  ...metadata
}: Extract<LanguageModelV3StreamPart, { type: 'response-metadata' }>) {
  return metadata;
}

/** The abort reason the AI SDK recognises: the signal's own, else an `AbortError`. */
function abortReason(signal: AbortSignal, error: unknown): unknown {
  if (signal.reason instanceof Error) return signal.reason;
  const abort = new Error('The request was aborted.', { cause: error });
  abort.name = 'AbortError';
  return abort;
}
