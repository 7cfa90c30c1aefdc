/**
 * Spark stream events → LangChain message chunks, and the final `AIMessage` of a whole answer.
 *
 * Spark sends a function call whole, in one frame (spec §4.3), so each call becomes one complete
 * `tool_call_chunk`. The final `AIMessage` is built with a strict `JSON.parse` of the arguments: a call
 * whose arguments are not valid JSON lands in `invalid_tool_calls` with the parse error.
 */
import {
  AIMessage,
  AIMessageChunk,
  type InvalidToolCall,
  type ToolCall,
  type UsageMetadata,
} from '@langchain/core/messages';
import { ChatGenerationChunk } from '@langchain/core/outputs';
import type { ChatResult, FunctionCall, SearchResult } from '@xinghuo/core';
import { MODEL_PROVIDER } from './content-blocks';

// On every chunk, so that each one (and their concatenation) maps to standard content blocks.
const PROVIDER_METADATA = { model_provider: MODEL_PROVIDER };

/** A fresh tool call id; Spark does not send one. */
export function createToolCallId(): string {
  // getRandomValues, unlike randomUUID, also exists in pages served over plain http.
  const bytes = globalThis.crypto.getRandomValues(new Uint8Array(12));
  return `call_${Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('')}`;
}

/** A streamed text delta. */
export function textChunk(text: string): ChatGenerationChunk {
  return new ChatGenerationChunk({
    text,
    message: new AIMessageChunk({ content: text, response_metadata: PROVIDER_METADATA }),
  });
}

/** A streamed x1 reasoning delta, kept out of `content` (Spark asks not to send it back in history). */
export function reasoningChunk(text: string): ChatGenerationChunk {
  return new ChatGenerationChunk({
    text: '',
    message: new AIMessageChunk({
      content: '',
      additional_kwargs: { reasoning_content: text },
      response_metadata: PROVIDER_METADATA,
    }),
  });
}

/** Web-search sources, sent before the answer when `showRefLabel` is on. */
export function searchResultsChunk(results: readonly SearchResult[]): ChatGenerationChunk {
  return new ChatGenerationChunk({
    text: '',
    message: new AIMessageChunk({
      content: '',
      additional_kwargs: { search_results: [...results] },
      response_metadata: PROVIDER_METADATA,
    }),
  });
}

/**
 * The model's function call as one complete tool-call chunk. `index` is the call's place in the answer
 * (HTTP can make several), so that merging the chunks keeps the calls apart.
 */
export function functionCallChunk(call: FunctionCall, id: string, index = 0): ChatGenerationChunk {
  return new ChatGenerationChunk({
    text: '',
    message: new AIMessageChunk({
      content: '',
      tool_call_chunks: [{ type: 'tool_call_chunk', name: call.name, args: call.arguments, id, index }],
      response_metadata: PROVIDER_METADATA,
    }),
  });
}

/** LangChain's name for why the answer ended (`tool_calls` for Spark's `function_call`). */
export function finishReasonOf(result: ChatResult): string {
  return result.finishReason === 'function_call' ? 'tool_calls' : result.finishReason;
}

/** Token usage in LangChain's shape. */
export function usageMetadataOf(result: ChatResult): UsageMetadata {
  return {
    input_tokens: result.usage.promptTokens,
    output_tokens: result.usage.completionTokens,
    total_tokens: result.usage.totalTokens,
  };
}

/** The metadata every answer carries: Spark's session id, the model and the finish reason. */
export function responseMetadataOf(result: ChatResult): Record<string, unknown> {
  return {
    model_provider: MODEL_PROVIDER,
    model_name: result.model,
    sid: result.sid,
    finish_reason: finishReasonOf(result),
    ...(result.trimmedMessages?.length ? { trimmed_messages: result.trimmedMessages.length } : {}),
  };
}

/**
 * The closing chunk: no text, the usage and the response metadata (so they appear exactly once).
 * `streamUsage: false` leaves the usage out.
 */
export function finalChunk(result: ChatResult, streamUsage = true): ChatGenerationChunk {
  const responseMetadata = responseMetadataOf(result);
  return new ChatGenerationChunk({
    text: '',
    message: new AIMessageChunk({
      content: '',
      // LangChain's generic message typing resolves `usage_metadata` to `undefined` for the default
      // structure under exactOptionalPropertyTypes; the runtime field is a plain UsageMetadata.
      ...(streamUsage ? { usage_metadata: usageMetadataOf(result) as never } : {}),
      response_metadata: responseMetadata,
    }),
    generationInfo: { finish_reason: responseMetadata.finish_reason, sid: result.sid },
  });
}

/**
 * The closing chunk of an answer cut short by a stop sequence. Spark reports usage only on its last
 * frame, which never comes once the socket is closed, so there is no usage here.
 */
export function stoppedChunk(modelId: string): ChatGenerationChunk {
  return new ChatGenerationChunk({
    text: '',
    message: new AIMessageChunk({
      content: '',
      response_metadata: {
        model_provider: MODEL_PROVIDER,
        model_name: modelId,
        finish_reason: 'stop',
        stop_sequence: true,
      },
    }),
    generationInfo: { finish_reason: 'stop' },
  });
}

/** A Spark function call as a LangChain tool call, or an invalid one when its arguments do not parse. */
export function toToolCall(
  call: FunctionCall,
  id: string,
): { valid: ToolCall } | { invalid: InvalidToolCall } {
  let parsed: unknown;
  let error: string | undefined;
  try {
    parsed = call.arguments.trim() === '' ? {} : JSON.parse(call.arguments);
  } catch (cause) {
    error = `The arguments are not valid JSON: ${(cause as Error).message}`;
  }
  if (error === undefined && (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))) {
    error = 'The arguments are not a JSON object.';
  }
  if (error !== undefined) {
    return { invalid: { type: 'invalid_tool_call', name: call.name, args: call.arguments, id, error } };
  }
  return { valid: { type: 'tool_call', name: call.name, args: parsed as Record<string, unknown>, id } };
}

/**
 * The final `AIMessage` of a whole answer from its concatenated chunks, with strictly parsed tool calls.
 */
export function toAIMessage(aggregate: AIMessageChunk): AIMessage {
  const toolCalls: ToolCall[] = [];
  const invalidToolCalls: InvalidToolCall[] = [];
  for (const chunk of aggregate.tool_call_chunks ?? []) {
    const converted = toToolCall(
      { name: chunk.name ?? '', arguments: chunk.args ?? '' },
      chunk.id ?? createToolCallId(),
    );
    if ('valid' in converted) toolCalls.push(converted.valid);
    else invalidToolCalls.push(converted.invalid);
  }
  return new AIMessage({
    content: aggregate.content,
    additional_kwargs: aggregate.additional_kwargs,
    response_metadata: aggregate.response_metadata,
    tool_calls: toolCalls,
    invalid_tool_calls: invalidToolCalls,
    ...(aggregate.usage_metadata ? { usage_metadata: aggregate.usage_metadata as never } : {}),
    ...(aggregate.id ? { id: aggregate.id } : {}),
  });
}
