/**
 * The playground's own data: settings, turns and what each answer carries. Persisted as JSON in
 * localStorage, so everything here is plain data.
 */
import type { FunctionCall, SearchResult, Usage } from '@xinghuo/browser';

/** The knobs of one request, as edited in the sidebar. */
export interface PlaygroundSettings {
  /** Registry id of the selected model. */
  model: string;
  temperature: number;
  maxTokens: number;
  topK: number;
  systemPrompt: string;
  /** Ask Spark to search the web and return the sources (`show_ref_label`). */
  webSearch: boolean;
  /** Send the functions defined in the functions panel. */
  functionsEnabled: boolean;
  /** The function definitions as JSON text (an array of `{ name, description, parameters }`). */
  functionsJson: string;
  /**
   * The wire protocol: `ws` (a WebSocket to a URL the server signs) or `http` (the OpenAI-compatible
   * API through the server's relay, which adds the HTTP password).
   */
  protocol: PlaygroundProtocol;
}

/** The protocols the page can speak. */
export type PlaygroundProtocol = 'ws' | 'http';

/** Every {@link PlaygroundProtocol}, in the order the protocol switch shows them. */
export const PLAYGROUND_PROTOCOLS: readonly PlaygroundProtocol[] = ['ws', 'http'];

/** The result of a function the page ran for the model (a demo tool), sent back as a `tool` turn. */
export interface ToolResult {
  name: string;
  /** The JSON text sent back. */
  content: string;
}

/** Timing and token figures of one answer. */
export interface AnswerStats {
  usage?: Usage | undefined;
  sid?: string | undefined;
  /** Milliseconds from sending the request to the first streamed content. */
  timeToFirstTokenMs?: number | undefined;
  /** Completion tokens per second of streaming, when usage and timing are known. */
  tokensPerSecond?: number | undefined;
  /** Milliseconds from sending to the end of the answer. */
  totalMs?: number | undefined;
}

/** An error as the page shows it: safe text only (SDK messages are already redacted). */
export interface ErrorInfo {
  /** Stable SDK error code, e.g. `content_filter`. */
  code: string;
  /** Spark's numeric `header.code`, when the error came from an error frame. */
  sparkCode?: number | undefined;
  /** What the Spark code means (describeSparkCode). */
  meaning?: string | undefined;
  /** What the user can do about it. */
  hint: string;
  message: string;
  sid?: string | undefined;
  retryable: boolean;
}

/** Where an answer is in its life. */
export type AnswerStatus = 'streaming' | 'done' | 'stopped' | 'error';

/** A question the user asked. */
export interface UserTurn {
  id: string;
  role: 'user';
  content: string;
}

/** The model's answer (or the failure in its place). */
export interface AssistantTurn {
  id: string;
  role: 'assistant';
  content: string;
  status: AnswerStatus;
  /** Registry id of the model that answered. */
  model: string;
  reasoning?: string | undefined;
  functionCall?: FunctionCall | undefined;
  /** Over HTTP: what the page's demo tools returned for the function calls, in order. */
  toolResults?: ToolResult[] | undefined;
  searchResults?: SearchResult[] | undefined;
  stats?: AnswerStats | undefined;
  error?: ErrorInfo | undefined;
}

/** One entry of the conversation. */
export type Turn = UserTurn | AssistantTurn;

/** What the server says about itself at `/api/config`. */
export interface PlaygroundConfig {
  /** `mock`: the bundled mock Spark server answers; `live`: the real Spark service. */
  mode: 'mock' | 'live';
  appId: string;
  /** Registry ids the signing endpoint will sign for. */
  models: string[];
  defaultModel: string;
  /** Scripted failures the mock can produce next (mock mode only). */
  mockFaults?: MockFaultOption[] | undefined;
  /** Where the HTTP client sends chat requests: the server's relay (`/api/spark`). */
  relayPath: string;
}

/** A scripted failure offered in mock mode. */
export interface MockFaultOption {
  id: string;
  label: string;
}

/** One recorded WebSocket frame of the last exchange. */
export interface RecordedFrame {
  /** Position in the exchange, from 0. */
  sequence: number;
  direction: 'sent' | 'received';
  text: string;
  /** Milliseconds since the exchange started. */
  atMs: number;
}

/** The last exchange as seen on the wire. */
export interface RecordedExchange {
  /** WebSocket: the signed URL with its authorization value redacted; HTTP: the relay's URL. */
  url: string;
  /** `ws` frames, or `http`: the request body sent and the event-stream chunks received. */
  protocol?: PlaygroundProtocol | undefined;
  frames: RecordedFrame[];
}
