import type { WireMessage } from '../chat-request.js';

/** A tool (function) result the mock recognized in the turn it answers. */
export interface RecognizedToolResult {
  /** The function's name, when the turn names it. */
  name: string | undefined;
  /** The result text, without the sentence that introduces it. */
  content: string;
}

/**
 * ChatSpark's default wording of a tool result (`toSparkMessages` in `@xinghuo/langchain`):
 * `Function "<name>" returned:` or `Function "<name>" failed with:`, or `The function call …` when the
 * name is unknown, then the result on the following lines and a closing instruction.
 */
const RESULT_OPENING = /^\s*(?:Function "([^"\n]*)"|The function call) (?:returned|failed with):[ \t]*\n?/;
const RESULT_CLOSING = /\n?Use this result to answer the question\.\s*$/;

/** ChatSpark's default wording of the assistant's call: `Calling function "<name>" with arguments: …`. */
const CALL_ANNOUNCEMENT = /(?:^|\n)Calling function "([^"\n]*)" with arguments:/g;

/**
 * Recognizes a conversation whose last turn carries a tool result, which the mock then answers with
 * text instead of calling a function again (an agent loop must end). The last message counts as a
 * tool result when:
 *
 * 1. its role is `function` or `tool` (the wire has no such role in the WebSocket docs, but the Go SDK
 *    sends `function` and the HTTP API takes `tool`); or
 * 2. it is a user turn that starts with ChatSpark's tool-result sentence, `Function "<name>" returned:`,
 *    `Function "<name>" failed with:` or `The function call returned:` (the default `ToolTurnFormat`);
 *    or
 * 3. it is a user turn right after an assistant turn that announced a call with ChatSpark's
 *    `Calling function "<name>" with arguments: …` (a custom tool-result wording after the default
 *    call wording).
 */
export function recognizeToolResult(messages: readonly WireMessage[]): RecognizedToolResult | undefined {
  const last = messages.at(-1);
  if (last === undefined) return undefined;
  if (last.role === 'function' || last.role === 'tool') return { name: undefined, content: last.content };
  if (last.role !== 'user') return undefined;

  const opening = RESULT_OPENING.exec(last.content);
  if (opening !== null) {
    const content = last.content.slice(opening[0].length).replace(RESULT_CLOSING, '');
    return { name: opening[1], content };
  }
  const previous = messages.at(-2);
  if (previous?.role === 'assistant') {
    const announced = [...previous.content.matchAll(CALL_ANNOUNCEMENT)].at(-1);
    if (announced !== undefined) return { name: announced[1], content: last.content };
  }
  return undefined;
}
