import type { WireFunction, WireMessage } from '../chat-request.js';
import { lastUserContent } from './deterministic-answer.js';
import { exampleForSchema } from './schema-example.js';
import { recognizeToolResult } from './tool-result.js';

/** A function call as it appears on the wire: `arguments` is a JSON-encoded string. */
export interface WireFunctionCall {
  name: string;
  arguments: string;
}

/**
 * The default function-call rule, built so an agent loop (call, tool result, answer) finishes:
 *
 * - no functions sent, or the last turn carries a tool result (see `recognizeToolResult`): no call,
 *   the mock answers with text;
 * - else the first function whose `name` the last user message contains (case-insensitive);
 * - else the only function, when exactly one is sent (what `withStructuredOutput` and single-tool
 *   agents send);
 * - else the function whose name words or description share most words with the question (English
 *   words of 4+ letters, Chinese character pairs), the first on a tie;
 * - else no call.
 */
export function chooseFunction(
  functions: readonly WireFunction[],
  messages: readonly WireMessage[],
): WireFunction | undefined {
  if (functions.length === 0 || recognizeToolResult(messages) !== undefined) return undefined;
  const question = lastUserContent(messages).toLowerCase();
  const named = functions.find((definition) => question.includes(definition.name.toLowerCase()));
  if (named !== undefined) return named;
  if (functions.length === 1) return functions[0];
  return closestByDescription(functions, question);
}

/**
 * Deterministic arguments for `definition`: a plausible value for its parameter schema (every
 * required property, or every property when none is listed as required), built by `exampleForSchema`.
 */
export function placeholderArguments(definition: WireFunction): Record<string, unknown> {
  const value = exampleForSchema({ type: 'object', ...(definition.parameters ?? {}) });
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {};
}

const STOP_WORDS = new Set([
  'what',
  'when',
  'where',
  'which',
  'with',
  'this',
  'that',
  'from',
  'into',
  'your',
  'about',
  'have',
  'will',
  'does',
  'please',
  'tell',
  'give',
  'function',
  'call',
  'tool',
  'using',
]);

function closestByDescription(
  functions: readonly WireFunction[],
  question: string,
): WireFunction | undefined {
  const asked = wordsOf(question);
  let best: WireFunction | undefined;
  let bestScore = 0;
  for (const definition of functions) {
    const words = wordsOf(`${definition.name.replace(/[_-]+/g, ' ')} ${definition.description ?? ''}`);
    const score = [...words].filter((word) => asked.has(word)).length;
    if (score > bestScore) {
      best = definition;
      bestScore = score;
    }
  }
  return best;
}

/** English words of four or more letters (lowercased, no stop words) and pairs of adjacent CJK characters. */
function wordsOf(text: string): Set<string> {
  const words = new Set<string>();
  const spaced = text.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
  for (const word of spaced.match(/[a-z]{4,}/g) ?? []) if (!STOP_WORDS.has(word)) words.add(word);
  for (const run of text.match(/[\u3400-\u9fff\uf900-\ufaff]{2,}/gu) ?? []) {
    const characters = Array.from(run);
    for (let index = 0; index + 1 < characters.length; index += 1) {
      words.add(`${characters[index]}${characters[index + 1]}`);
    }
  }
  return words;
}
