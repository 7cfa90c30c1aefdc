/**
 * A server frame after decoding: what every wire protocol hands to the exchange, in the SDK's names.
 */
import type { FinishReason, FunctionCall, SearchResult, Usage } from '../types';

/** One decoded frame. The wire names in the comments are those of the WebSocket protocol (spec §4). */
export interface DecodedFrame {
  /** `header.status`: 0 first, 1 middle, 2 last frame of the exchange. */
  status: 0 | 1 | 2;
  /** Spark session id (`header.sid`); `''` when the frame has none. */
  sid: string;
  /** `payload.choices.seq`; `-1` on frames without `choices` (web-search sources). */
  seq: number;
  /** Answer text delta (all `choices.text[].content` joined); `''` when none. */
  text: string;
  /** Reasoning delta (`reasoning_content`, x1); `''` when none. */
  reasoning: string;
  /** The function call, on a function-call frame. */
  functionCall?: FunctionCall;
  /** Several function calls of one frame, in order (HTTP `tool_calls`); used instead of `functionCall`. */
  functionCalls?: FunctionCall[];
  /** Why the answer ended, when the protocol says so (HTTP `finish_reason`); else it is inferred. */
  finishReason?: FinishReason;
  /** Web-search sources, on a plugins frame. */
  searchResults?: SearchResult[];
  /** Token usage, on the final frame. */
  usage?: Usage;
}
