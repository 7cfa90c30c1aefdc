/**
 * One server-sent event of an HTTP answer as the protocol-neutral {@link DecodedFrame} the exchange
 * reads: `[DONE]` is the final frame (`status: 2`), every other event a chunk (`status: 1`).
 */
import type { FinishReason } from '../../types';
import type { DecodedFrame } from '../decoded-frame';
import { decodeChunk } from './decode-chunk';

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

/**
 * Decodes the `data` of one event. Throws the typed error of a business error inside the stream, and a
 * `SparkProtocolError` for a malformed chunk.
 *
 * @param partialText - the answer streamed so far, kept on an output moderation error
 */
export function decodeEvent(data: string, partialText: string): DecodedFrame {
  if (isDoneMarker(data)) return { status: 2, sid: '', seq: -1, text: '', reasoning: '' };
  const chunk = decodeChunk(data, partialText);
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
