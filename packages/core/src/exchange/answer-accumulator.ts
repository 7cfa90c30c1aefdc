/**
 * The state machine from decoded frames to stream events and the final {@link ChatResult}.
 */
import type { DecodedFrame } from '../protocol/decoded-frame';
import type { ChatResult, FinishReason, FunctionCall, SearchResult, SparkStreamEvent, Usage } from '../types';

/** What the accumulator needs to know about the request to finish the result. */
export interface AnswerContext {
  /** The registry id (or custom id) reported as `ChatResult.model`. */
  modelId: string;
  /** The max tokens the request was sent with (explicit or the model default): decides `length`. */
  maxTokens: number;
}

/**
 * True for the events that carry model output (reasoning, text, a function call): once one was
 * delivered, an attempt must not be retried, and held-back search results may follow.
 */
export function isContentEvent(event: SparkStreamEvent): boolean {
  return event.type === 'text-delta' || event.type === 'reasoning-delta' || event.type === 'function-call';
}

const ZERO_USAGE: Usage = Object.freeze({ promptTokens: 0, completionTokens: 0, totalTokens: 0 });

/**
 * Accumulates one attempt's frames. Every frame's text is kept, the final frame's included (a
 * classic bug of other clients is to stop reading at `status: 2` and drop it).
 */
export class AnswerAccumulator {
  readonly #context: AnswerContext;
  #text = '';
  #reasoning = '';
  #sid = '';
  #functionCalls: FunctionCall[] | undefined;
  #reportedFinish: FinishReason | undefined;
  #searchResults: SearchResult[] | undefined;
  #usage: Usage | undefined;
  #finished = false;

  constructor(context: AnswerContext) {
    this.#context = context;
  }

  /** The answer text so far; passed to the decoder so a mid-stream 10014 keeps it as `partialText`. */
  get text(): string {
    return this.#text;
  }

  /** True once a frame with `status: 2` was added. */
  get finished(): boolean {
    return this.#finished;
  }

  /**
   * Adds one decoded frame and hands its events to `emit`, in order: search results, reasoning, text,
   * function calls, usage. (Emitted one by one rather than returned in an array: no allocation per
   * frame beyond the events themselves.)
   */
  add(frame: DecodedFrame, emit: (event: SparkStreamEvent) => void): void {
    if (frame.sid && !this.#sid) this.#sid = frame.sid;
    if (frame.searchResults && frame.searchResults.length > 0) {
      this.#searchResults = [...(this.#searchResults ?? []), ...frame.searchResults];
      emit({ type: 'search-results', results: frame.searchResults });
    }
    if (frame.reasoning) {
      this.#reasoning += frame.reasoning;
      emit({ type: 'reasoning-delta', text: frame.reasoning });
    }
    if (frame.text) {
      this.#text += frame.text;
      emit({ type: 'text-delta', text: frame.text });
    }
    const calls = frame.functionCalls ?? (frame.functionCall ? [frame.functionCall] : undefined);
    if (calls && calls.length > 0) {
      this.#functionCalls = this.#functionCalls ? this.#functionCalls.concat(calls) : calls;
      for (const functionCall of calls) emit({ type: 'function-call', functionCall });
    }
    if (frame.finishReason) this.#reportedFinish = frame.finishReason;
    if (frame.usage) {
      this.#usage = frame.usage;
      emit({ type: 'usage', usage: frame.usage });
    }
    if (frame.status === 2) this.#finished = true;
  }

  /** The whole answer. Call after the final frame. */
  result(): ChatResult {
    const usage = this.#usage ?? { ...ZERO_USAGE };
    const result: ChatResult = {
      text: this.#text,
      usage,
      sid: this.#sid,
      model: this.#context.modelId,
      finishReason: this.#finishReason(usage),
    };
    if (this.#reasoning) result.reasoning = this.#reasoning;
    const calls = this.#functionCalls;
    if (calls) {
      result.functionCall = calls[0];
      result.functionCalls = calls;
    }
    if (this.#searchResults) result.searchResults = this.#searchResults;
    return result;
  }

  #finishReason(usage: Usage): FinishReason {
    if (this.#functionCalls) return 'function_call';
    if (this.#reportedFinish) return this.#reportedFinish;
    if (usage.completionTokens >= this.#context.maxTokens) return 'length';
    return 'stop';
  }
}
