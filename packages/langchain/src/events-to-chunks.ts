/**
 * The stream loop behind `ChatSpark._streamResponseChunks`: SDK stream events in, LangChain chunks out,
 * with client-side stop sequences, `handleLLMNewToken` for every chunk, and aborts reported as typed
 * errors.
 */
import type { CallbackManagerForLLMRun } from '@langchain/core/callbacks/manager';
import type { ChatGenerationChunk } from '@langchain/core/outputs';
import type { SparkStreamEvent } from '@xinghuo/core';
import { translateAbortError } from './abort-errors';
import { StopSequenceFilter } from './stop-sequences';
import {
  createToolCallId,
  finalChunk,
  functionCallChunk,
  reasoningChunk,
  searchResultsChunk,
  stoppedChunk,
  textChunk,
} from './to-message-chunks';

/** What the loop needs besides the events. */
export interface EventsToChunksOptions {
  /** The registry id of the model, for the metadata of an answer cut by a stop sequence. */
  modelId: string;
  /** Stop sequences applied on the client (Spark has none). */
  stop?: readonly string[] | undefined;
  /** The call's signal, to tell a LangChain `timeout` from a plain abort. */
  signal?: AbortSignal | undefined;
  /** The `timeout` call option, for the timeout error's message. */
  timeoutMs?: number | undefined;
  runManager?: CallbackManagerForLLMRun | undefined;
  /** Put the usage on the closing chunk (default true). */
  streamUsage?: boolean | undefined;
}

/**
 * Converts a Spark event stream to chat generation chunks. Returning early (a stop sequence, or the
 * consumer leaving its loop) returns the event iterator, which closes the socket.
 */
export async function* eventsToChunks(
  events: AsyncIterable<SparkStreamEvent>,
  options: EventsToChunksOptions,
): AsyncGenerator<ChatGenerationChunk> {
  const stop = new StopSequenceFilter(options.stop ?? []);
  let calls = 0;
  const emit = async (chunk: ChatGenerationChunk) => {
    await options.runManager?.handleLLMNewToken(chunk.text, undefined, undefined, undefined, undefined, {
      chunk,
    });
    return chunk;
  };
  try {
    for await (const event of events) {
      switch (event.type) {
        case 'text-delta': {
          const step = stop.active ? stop.push(event.text) : { text: event.text, stopped: false };
          if (step.text !== '') yield await emit(textChunk(step.text));
          if (step.stopped) {
            yield await emit(stoppedChunk(options.modelId));
            return;
          }
          break;
        }
        case 'reasoning-delta':
          yield await emit(reasoningChunk(event.text));
          break;
        case 'function-call':
          // Over HTTP Spark names each call; its id must come back on the tool turn with the result.
          yield await emit(
            functionCallChunk(event.functionCall, event.functionCall.id ?? createToolCallId(), calls++),
          );
          break;
        case 'search-results':
          yield await emit(searchResultsChunk(event.results));
          break;
        case 'end': {
          const rest = stop.flush();
          if (rest.text !== '') yield await emit(textChunk(rest.text));
          yield await emit(finalChunk(event.result, options.streamUsage ?? true));
          break;
        }
        default:
          // `usage` is reported once, on the closing chunk built from the `end` event.
          break;
      }
    }
  } catch (error) {
    throw translateAbortError(error, options.signal, options.timeoutMs);
  }
}
