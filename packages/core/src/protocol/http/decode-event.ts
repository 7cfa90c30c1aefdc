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

// OpenAI-style reasons in the SDK's names; an unknown reason is left to the accumulator to infer. A
// Map, not an object literal: a reason named like an `Object.prototype` member ("constructor") must
// read as unknown, not as that member.
const FINISH_REASONS: ReadonlyMap<string, FinishReason> = new Map([
  ['stop', 'stop'],
  ['length', 'length'],
  ['tool_calls', 'function_call'],
  ['function_call', 'function_call'],
]);

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
  const finishReason = chunk.finishReason === undefined ? undefined : FINISH_REASONS.get(chunk.finishReason);
  if (finishReason) frame.finishReason = finishReason;
  return frame;
}

function doneFrame(): DecodedFrame {
  return { status: 2, sid: '', seq: -1, text: '', reasoning: '' };
}

/**
 * The decoder of one answer's events: `[DONE]` is the final frame (`status: 2`), every other event a
 * chunk (`status: 1`) with its finish reason in the SDK's names. It throws the typed error of a
 * business error inside the stream, and a `SparkProtocolError` for a malformed chunk.
 *
 * An answer ends at `[DONE]` after a chunk has said why it finished (`finish_reason`): a `[DONE]` with
 * no finish reason before it ends an answer the service cut short, which is a truncated answer
 * (retryable while nothing was shown), never a success.
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
