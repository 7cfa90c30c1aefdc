import { deterministicAnswer } from '../answer/deterministic-answer.js';
import type { WireMessage } from '../chat-request.js';

/**
 * The default answer for `response_format: {type: 'json_object'}`: the deterministic answer when it is
 * already one JSON object (a question that ends with a JSON schema), else that answer wrapped as
 * `{"answer": …}`, so the text always parses as a JSON object.
 */
export function jsonAnswerText(messages: readonly WireMessage[]): string {
  const text = deterministicAnswer(messages);
  try {
    const value: unknown = JSON.parse(text);
    if (typeof value === 'object' && value !== null && !Array.isArray(value)) return text;
  } catch {
    // Not JSON: wrap it below.
  }
  return JSON.stringify({ answer: text });
}
