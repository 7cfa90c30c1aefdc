/**
 * Reading back what a client sent to the HTTP face: the JSON body of a recorded chat-completions
 * request, in the OpenAI wire shape (snake_case), so tests can assert on exactly what went out.
 */
import type { MockRecordedRequest } from '../records.js';

/** One message of a recorded chat-completions body, in the OpenAI shape a client sends. */
export interface RecordedHttpMessage {
  role: string;
  content: string | null;
  /** An assistant turn's tool calls (`arguments` is the JSON text the model produced). */
  tool_calls?: Array<{ id: string; type: string; function: { name: string; arguments: string } }>;
  /** A `tool` turn's answer to the call with this id. */
  tool_call_id?: string;
}

/**
 * The parsed JSON body of a recorded HTTP request: its `messages` plus every other field exactly as
 * the client spelled it (`model`, `stream`, `tools`, `tool_choice`, `response_format`, …). Only the
 * presence of the `messages` array is checked; the message type says what a client is expected to
 * send. The validated, camelCase form is the record's `request`.
 */
export type RecordedHttpBody = { messages: RecordedHttpMessage[] } & Record<string, unknown>;

/**
 * The JSON body of a request recorded by the HTTP face (`POST …/chat/completions`), for asserting on
 * the wire fields a client sent. Takes `undefined` so an index past the end reads naturally, and
 * throws instead of returning something half-typed: for a missing record, a WebSocket record, or a
 * body that is not a JSON object with a `messages` array (read `record.raw` or `record.frame` to
 * inspect such a body).
 *
 * @example
 * ```ts
 * import { recordedHttpBody } from '@xinghuo/mock-server';
 *
 * const body = recordedHttpBody(mock.requests[0]);
 * expect(body).toMatchObject({ model: 'generalv3.5', stream: true });
 * expect(body.messages.at(-1)?.role).toBe('user');
 * ```
 */
export function recordedHttpBody(record: MockRecordedRequest | undefined): RecordedHttpBody {
  if (record === undefined) throw new Error('There is no recorded request to read a body from.');
  if (record.protocol !== 'http') {
    throw new Error(`The request to ${record.path} was a WebSocket frame, not an HTTP request.`);
  }
  const body = record.frame;
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw new Error(`The HTTP request to ${record.path} did not have a JSON object as its body.`);
  }
  if (!Array.isArray((body as Record<string, unknown>).messages)) {
    throw new Error(`The HTTP request body sent to ${record.path} has no messages array.`);
  }
  return body as RecordedHttpBody;
}
