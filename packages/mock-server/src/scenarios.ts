import type { MockSearchResult } from './answer/search-results.js';
import type { HandshakeRejection } from './auth/gateway-responses.js';
import type { ChatRequest } from './chat-request.js';
import type { MockModelRoute } from './routes.js';

/**
 * How the mock answers one connection. Everything is optional: an empty scenario is the default
 * deterministic answer. At most one fault (`error`, `malformed`, `drop`, `stall`) applies; `afterFrames`
 * counts the answer frames sent before it and is capped so the final (status 2) frame is never sent.
 *
 * The same scenario scripts one request of the OpenAI-compatible HTTP face: `reject` answers with its
 * status, body and headers (401/403/429 with `Retry-After`/500); `error` is a flat `{code, message,
 * sid}` business error, an HTTP 200 JSON body when no chunk was sent yet and an SSE chunk after;
 * `malformed` is an SSE chunk that is not JSON; `drop` destroys the socket (no `[DONE]`); `stall` keeps
 * the response open; `frames` are SSE data payloads sent verbatim (no automatic `[DONE]`).
 *
 * @example
 * mock.enqueue({ error: { code: 10014, afterFrames: 2 } }); // partial text, then an output-moderation error
 * mock.enqueue({ reject: { status: 403, body: { message: 'HMAC signature cannot be verified, …' } } });
 */
export interface MockScenario {
  /** Refuse the WebSocket handshake with this HTTP status and JSON body (enqueue or a handshake handler). */
  reject?: HandshakeRejection;
  /** Answer text instead of the deterministic one. */
  text?: string;
  /** Reasoning text streamed as `reasoning_content` before the answer (default: only for X1). */
  reasoning?: string;
  /** Force a function call, or `false` to never call one (default: see `chooseFunction`). */
  functionCall?: { name: string; arguments: string | Record<string, unknown> } | false;
  /** Send a web-search sources frame with these results before the answer. */
  searchResults?: MockSearchResult[];
  /** Override token counts of the final frame. */
  usage?: Partial<{
    questionTokens: number;
    promptTokens: number;
    completionTokens: number;
    totalTokens: number;
  }>;
  /** Send an error frame (after `afterFrames` answer frames, default 0) and close. */
  error?: { code: number; message?: string; afterFrames?: number };
  /** Send a frame that is not valid JSON (after `afterFrames`, default 0) and close. */
  malformed?: { afterFrames?: number; raw?: string };
  /** Destroy the socket without a close frame (after `afterFrames`, default 1). */
  drop?: { afterFrames?: number };
  /** Stop sending and keep the socket open (after `afterFrames`, default 0) until the client or `close()` ends it. */
  stall?: { afterFrames?: number };
  /** Send exactly these frames (objects are JSON-encoded, strings sent verbatim), then close. */
  frames?: Array<string | Record<string, unknown>>;
  /** Delay before each frame, in milliseconds (overrides the server option). */
  latencyMs?: number;
  /** Characters (code points) of answer text per frame (overrides the server option). */
  chunkChars?: number;
  /** Set to `false` to skip request validation for this connection. */
  validate?: boolean;
  /**
   * HTTP streams only: write `data: ` with a space (`true`) or `data:` without one (`false`) instead of
   * the server option or the route's spelling.
   */
  sseDataSpace?: boolean;
}

/**
 * What a handler sees about a connection before its request frame arrives. On the HTTP face: the
 * request's path (e.g. `/v1/chat/completions`), the `model` of its body (empty when it has none) and
 * its URL.
 */
export interface MockHandshakeInfo {
  path: string;
  model: string;
  /** The requested URL with the `authorization` value redacted. */
  url: string;
}

/** What a request handler sees: the handshake plus the validated request frame. */
export interface MockRequestInfo extends MockHandshakeInfo {
  request: ChatRequest;
}

/** Decides the scenario for a request; `undefined` means the default answer. */
export type MockRequestHandler = (
  info: MockRequestInfo,
) => MockScenario | undefined | Promise<MockScenario | undefined>;

/** A handler with hooks for both stages: `handshake` may reject the upgrade, `request` picks the answer. */
export interface MockHandlerObject {
  handshake?: (
    info: MockHandshakeInfo,
  ) => HandshakeRejection | undefined | Promise<HandshakeRejection | undefined>;
  request?: MockRequestHandler;
}

/** Anything `use()` accepts: a request handler function or an object with stage hooks. */
export type MockHandler = MockRequestHandler | MockHandlerObject;

/** The route data the answer engine needs about the connection's model. */
export type ScenarioRoute = Pick<MockModelRoute, 'id' | 'reasoning'>;
