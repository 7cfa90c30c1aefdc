/**
 * Spark stream events → AI SDK stream parts, in order.
 *
 * Spark streams reasoning (x1), then text, or a single function call, and web-search sources first
 * when asked for. This translator opens and closes the text and reasoning blocks around the deltas,
 * spells a function call as `tool-input-start/delta/end` followed by `tool-call`, and ends with
 * `response-metadata` (the sid is known only at the end) and `finish`. Moderation stops become a
 * `content-filter` finish rather than an error, as the AI SDK expects.
 */
import type { LanguageModelV3StreamPart, SharedV3ProviderMetadata } from '@ai-sdk/provider';
import { generateId } from '@ai-sdk/provider-utils';
import { type SparkContentFilterError, SparkError, type SparkStreamEvent, type Usage } from '@xinghuo/core';
import { contentFilterFinishReason, mapFinishReason, mapUsage, sparkMetadata } from './map-result';

type Emit = (part: LanguageModelV3StreamPart) => void;

/** Turns one exchange's events into parts; `emit` receives each part as it is ready. */
export class StreamPartTranslator {
  readonly #emit: Emit;
  readonly #modelId: string;
  readonly #timestamp = new Date();
  readonly #toError: (error: unknown) => unknown;
  #open: { type: 'text' | 'reasoning'; id: string } | undefined;
  #blocks = 0;
  #usage: Usage | undefined;
  #finished = false;

  constructor(emit: Emit, modelId: string, toError: (error: unknown) => unknown) {
    this.#emit = emit;
    this.#modelId = modelId;
    this.#toError = toError;
  }

  /** True once `finish` was emitted. */
  get finished(): boolean {
    return this.#finished;
  }

  /** Translates one Spark event. */
  event(event: SparkStreamEvent): void {
    switch (event.type) {
      case 'reasoning-delta':
        this.#delta('reasoning', event.text);
        break;
      case 'text-delta':
        this.#delta('text', event.text);
        break;
      case 'function-call': {
        this.#close();
        // Over HTTP Spark names each call; its id comes back on the `tool` turn with the result.
        const id = event.functionCall.id ?? generateId();
        const input = event.functionCall.arguments.trim() === '' ? '{}' : event.functionCall.arguments;
        const toolName = event.functionCall.name;
        this.#emit({ type: 'tool-input-start', id, toolName });
        this.#emit({ type: 'tool-input-delta', id, delta: input });
        this.#emit({ type: 'tool-input-end', id });
        this.#emit({ type: 'tool-call', toolCallId: id, toolName, input });
        break;
      }
      case 'search-results':
        for (const result of event.results) {
          this.#emit({
            type: 'source',
            sourceType: 'url',
            id: generateId(),
            url: result.url,
            title: result.title,
            providerMetadata: { spark: { index: result.index } },
          });
        }
        break;
      case 'usage':
        this.#usage = event.usage;
        break;
      case 'end': {
        this.#close();
        const { result } = event;
        this.#emit({
          type: 'response-metadata',
          id: result.sid,
          modelId: result.model,
          timestamp: this.#timestamp,
        });
        this.#finish(
          mapFinishReason(result.finishReason),
          result.usage,
          sparkMetadata({ sid: result.sid, totalTokens: result.usage.totalTokens }),
        );
        break;
      }
    }
  }

  /** Ends the stream for a failed exchange: moderation as a `content-filter` finish, the rest as an `error` part. */
  fail(error: unknown): void {
    this.#close();
    if (SparkError.isInstance(error) && error.code === 'content_filter') {
      const filtered = error as SparkContentFilterError;
      if (error.sid)
        this.#emit({
          type: 'response-metadata',
          id: error.sid,
          modelId: this.#modelId,
          timestamp: this.#timestamp,
        });
      this.#finish(
        contentFilterFinishReason(filtered),
        this.#usage,
        sparkMetadata({ sid: error.sid, sparkCode: error.sparkCode, contentFilterStage: filtered.stage }),
      );
      return;
    }
    this.#emit({ type: 'error', error: this.#toError(error) });
    this.#finish(
      { unified: 'error', raw: SparkError.isInstance(error) ? error.code : undefined },
      this.#usage,
      sparkMetadata({ sid: SparkError.isInstance(error) ? error.sid : undefined }),
    );
  }

  #delta(type: 'text' | 'reasoning', delta: string): void {
    if (delta === '') return;
    if (this.#open?.type !== type) {
      this.#close();
      this.#open = { type, id: String(this.#blocks++) };
      this.#emit({ type: type === 'text' ? 'text-start' : 'reasoning-start', id: this.#open.id });
    }
    this.#emit({ type: type === 'text' ? 'text-delta' : 'reasoning-delta', id: this.#open.id, delta });
  }

  #close(): void {
    if (!this.#open) return;
    this.#emit({ type: this.#open.type === 'text' ? 'text-end' : 'reasoning-end', id: this.#open.id });
    this.#open = undefined;
  }

  #finish(
    finishReason: Extract<LanguageModelV3StreamPart, { type: 'finish' }>['finishReason'],
    usage: Usage | undefined,
    providerMetadata: SharedV3ProviderMetadata,
  ): void {
    this.#finished = true;
    this.#emit({ type: 'finish', finishReason, usage: mapUsage(usage), providerMetadata });
  }
}
