import type { WireMessage } from '../chat-request.js';
import { stableHash } from './hash.js';
import { requestedJsonSchema } from './json-request.js';
import { exampleForSchema } from './schema-example.js';
import { recognizeToolResult } from './tool-result.js';

const TEMPLATES: readonly ((topic: string) => string)[] = [
  (topic) =>
    `关于「${topic}」，这是一个很好的问题。Here is a short answer from the mock Spark server: ` +
    '首先需要明确问题的背景和目标，其次从实际场景出发逐步分析。' +
    'In short, the same question always gets the same answer. 希望这对你有帮助！',
  (topic) =>
    `你问的是「${topic}」。简单来说，可以分三步理解：第一，弄清核心概念；第二，结合例子验证；` +
    '第三，总结成自己的话。This reply is deterministic, so your tests can assert on it.',
  (topic) =>
    `好的，我来回答「${topic}」。The key idea is simple: break the problem into small parts. ` +
    '每一部分都可以单独检验，最后再把结论组合起来。如果还有疑问，欢迎继续提问。',
];

const REASONING_TEMPLATE = (topic: string) =>
  `用户的问题是「${topic}」。我先梳理问题的关键点，再组织一个清晰的回答。` +
  'Let me check the facts step by step before answering.';

/** Shortens the question for quoting: one line, at most 40 characters (code points). */
export function topicOf(question: string): string {
  const oneLine = question.replace(/\s+/g, ' ').trim();
  const characters = Array.from(oneLine);
  if (characters.length === 0) return '空白问题';
  return characters.length > 40 ? `${characters.slice(0, 40).join('')}…` : oneLine;
}

/** The content of the last `user` message, or of the last message when there is no user turn. */
export function lastUserContent(messages: readonly WireMessage[]): string {
  for (let index = messages.length - 1; index >= 0; index -= 1) {
    if (messages[index]!.role === 'user') return messages[index]!.content;
  }
  return messages.at(-1)?.content ?? '';
}

/**
 * The default answer text:
 *
 * - after a tool result (see `recognizeToolResult`): a sentence that quotes the result, so an agent
 *   loop ends with an answer built on it;
 * - for a question that ends with `JSON schema:` and a schema (ChatSpark's JSON mode): one JSON object
 *   with a plausible value for that schema;
 * - otherwise a few sentences of mixed Chinese and English that quote the last user message, the
 *   template picked by a hash of that message.
 *
 * The same input always yields the same output.
 *
 * @example
 * deterministicAnswer([{ role: 'user', content: '你好' }]); // '…「你好」…' (always the same text)
 */
export function deterministicAnswer(messages: readonly WireMessage[]): string {
  const toolResult = recognizeToolResult(messages);
  if (toolResult !== undefined) {
    const source = toolResult.name === undefined ? '函数' : `函数 ${toolResult.name} `;
    return (
      `根据${source}返回的结果「${topicOf(toolResult.content)}」，这是最终回答。` +
      'Based on the function result, here is the answer from the mock Spark server.'
    );
  }
  const question = lastUserContent(messages);
  const schema = requestedJsonSchema(question);
  if (schema !== undefined) return JSON.stringify(exampleForSchema(schema));
  const template = TEMPLATES[stableHash(question) % TEMPLATES.length]!;
  return template(topicOf(question));
}

/** The default `reasoning_content` of reasoning models (X1), also derived from the last user message. */
export function deterministicReasoning(messages: readonly WireMessage[]): string {
  return REASONING_TEMPLATE(topicOf(lastUserContent(messages)));
}
