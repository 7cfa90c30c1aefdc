/**
 * One server-sent event of an HTTP answer as the protocol-neutral {@link DecodedFrame} the exchange
 * reads: `[DONE]` is the final frame (`status: 2`), every other event a chunk (`status: 1`).
 */
import { SparkConnectionError } from '../../errors/error-classes';
import type { FinishReason } from '../../types';
import type { DecodedFrame } from '../decoded-frame';
import { type DecodedChunk, decodeChunk } from './decode-chunk';

/** True for the end marker, in either spelling (`data:[DONE]`, `data: [DONE]`). */
export function isDoneMarker(data: string): boolean {
  return data.trim() === '[DONE]';
}

// OpenAI-style reasons in the SDK's names; an unknown reason is left to the accumulator to infer.
const FINISH_REASONS: Readonly<Record<string, FinishReason>> = {
  stop: 'stop',
  length: 'length',
  tool_calls: 'function_call',
  function_call: 'function_call',
};

/** A decoded chunk as a middle frame (`status: 1`), its finish reason in the SDK's names. */
function frameOfChunk(chunk: DecodedChunk): DecodedFrame {
  const frame: DecodedFrame = {
    status: 1,
    sid: chunk.sid,
    seq: -1,
    text: chunk.text,
    reasoning: chunk.reasoning,
  };
  if (chunk.toolCalls) frame.functionCalls = chunk.toolCalls;
  if (chunk.usage) frame.usage = chunk.usage;
  const finishReason = chunk.finishReason === undefined ? undefined : FINISH_REASONS[chunk.finishReason];
  if (finishReason) frame.finishReason = finishReason;
  return frame;
}

function doneFrame(): DecodedFrame {
  return { status: 2, sid: '', seq: -1, text: '', reasoning: '' };
}

/**
 * Decodes the `data` of one event. Throws the typed error of a business error inside the stream, and a
 * `SparkProtocolError` for a malformed chunk.
 *
 * @param partialText - the answer streamed so far, kept on an output moderation error
 */
export function decodeEvent(data: string, partialText: string): DecodedFrame {
  return isDoneMarker(data) ? doneFrame() : frameOfChunk(decodeChunk(data, partialText));
}

/**
 * The decoder of one answer's events. An answer ends at `[DONE]` after a chunk has said why it
 * finished (`finish_reason`): a `[DONE]` with no finish reason before it ends an answer the service
 * cut short, which is a truncated answer (retryable while nothing was shown), never a success.
 */
export function createEventDecoder(): (data: string, partialText: string) => DecodedFrame {
  let finished = false;
  return (data, partialText) => {
    if (isDoneMarker(data)) {
      if (!finished) {
        throw new SparkConnectionError(
          'The HTTP stream reached [DONE] before any chunk gave a finish reason: the answer is incomplete.',
        );
      }
      return doneFrame();
    }
    const chunk = decodeChunk(data, partialText);
    // Any reason counts, also one the SDK has no name for (the frame's `finishReason` is then unset).
    if (chunk.finishReason !== undefined) finished = true;
    return frameOfChunk(chunk);
  };
}
