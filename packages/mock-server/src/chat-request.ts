/** One message of `payload.message.text`. */
export interface WireMessage {
  role: string;
  content: string;
}

/** One function of `payload.functions.text`. */
export interface WireFunction {
  name: string;
  description?: string;
  parameters?: Record<string, unknown>;
}

/** The `web_search` tool of `parameter.chat.tools`, with the service defaults filled in. */
export interface WireWebSearch {
  enable: boolean;
  showRefLabel: boolean;
  searchMode: string;
}

/** A validated request frame in camelCase, plus the frame exactly as received. */
export interface ChatRequest {
  appId: string;
  uid?: string;
  domain: string;
  temperature?: number;
  maxTokens?: number;
  topK?: number;
  /** HTTP only (the WebSocket API has no such option): `top_p`, in (0, 1]. */
  topP?: number;
  /** HTTP only: `presence_penalty`, in [-2, 2]. */
  presencePenalty?: number;
  /** HTTP only: `frequency_penalty`, in [-2, 2]. */
  frequencyPenalty?: number;
  messages: WireMessage[];
  functions: WireFunction[];
  webSearch?: WireWebSearch;
  /** `parameter.chat.thinking.type` for reasoning models (`enabled`, `disabled`, `auto`). */
  thinking?: string;
  /**
   * HTTP only (the WebSocket API has no `tool_choice`): `auto`, `none`, `required`, or the name of the
   * function a `{type: 'function', function: {name}}` choice forces. Recorded on `mock.requests[i].request`.
   */
  toolChoice?: string;
  /** The parsed JSON frame as sent by the client. */
  frame: Record<string, unknown>;
}
