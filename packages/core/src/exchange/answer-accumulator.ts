/**
 * The state machine from decoded frames to stream events and the final {@link ChatResult}.
 */
import type { DecodedFrame } from '../protocol/decoded-frame';
import type {
  ChatMessage,
  ChatResult,
  FinishReason,
  FunctionCall,
  SearchResult,
  SparkStreamEvent,
  Usage,
} from '../types';

/** What the accumulator needs to know about the request to finish the result. */
export interface AnswerContext {
  /** The registry id (or custom id) reported as `ChatResult.model`. */
  modelId: string;
  /** The `max_tokens` the request was sent with (explicit or the model default): decides `length`. */
  maxTokens: number;
  /** Messages history trimming removed, reported on the result. */
  trimmedMessages?: ChatMessage[] | undefined;
}

/** The events of one frame, in order: search results, reasoning, text, function call, usage. */
export interface FrameEvents {
  events: SparkStreamEvent[];
  /** True when a reasoning, text or function-call event is among them: model output was delivered. */
  hasContent: boolean;
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

  /** Adds one decoded frame and returns the events it produces. */
  add(frame: DecodedFrame): FrameEvents {
    const events: SparkStreamEvent[] = [];
    let hasContent = false;
    if (frame.sid && !this.#sid) this.#sid = frame.sid;
    if (frame.searchResults && frame.searchResults.length > 0) {
      this.#searchResults = [...(this.#searchResults ?? []), ...frame.searchResults];
      events.push({ type: 'search-results', results: frame.searchResults });
    }
    if (frame.reasoning) {
      this.#reasoning += frame.reasoning;
      hasContent = true;
      events.push({ type: 'reasoning-delta', text: frame.reasoning });
    }
    if (frame.text) {
      this.#text += frame.text;
      hasContent = true;
      events.push({ type: 'text-delta', text: frame.text });
    }
    const calls = frame.functionCalls ?? (frame.functionCall ? [frame.functionCall] : undefined);
    if (calls && calls.length > 0) {
      this.#functionCalls = this.#functionCalls ? this.#functionCalls.concat(calls) : calls;
      hasContent = true;
      for (const functionCall of calls) events.push({ type: 'function-call', functionCall });
    }
    if (frame.finishReason) this.#reportedFinish = frame.finishReason;
    if (frame.usage) {
      this.#usage = frame.usage;
      events.push({ type: 'usage', usage: frame.usage });
    }
    if (frame.status === 2) this.#finished = true;
    return { events, hasContent };
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
    if (this.#context.trimmedMessages && this.#context.trimmedMessages.length > 0) {
      result.trimmedMessages = this.#context.trimmedMessages;
    }
    return result;
  }

  #finishReason(usage: Usage): FinishReason {
    if (this.#functionCalls) return 'function_call';
    if (this.#reportedFinish) return this.#reportedFinish;
    if (usage.completionTokens >= this.#context.maxTokens) return 'length';
    return 'stop';
  }
}
