/**
 * Structural checks of the conversation and the function definitions, shared by `encodeRequest`.
 * Each failure names the offending field (`messages[3].role`) and what would be valid.
 */
import { SparkInvalidRequestError } from './errors/error-classes';
import type { ChatMessage, ChatRole, FunctionParameters, SparkFunctionDefinition } from './types';

function invalid(field: string, message: string): never {
  throw new SparkInvalidRequestError(`Invalid request: ${message}`, { field });
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Checks the conversation shape Spark requires (spec §3.4) and returns fresh `{ role, content }`
 * objects (extra properties are not sent).
 *
 * Rules: at least one message; `system` only as the first message; after it, turns alternate
 * `user`, `assistant`, `user`, … and the last one is from `user`; every `content` is a string.
 */
export function validateMessages(messages: unknown): { role: ChatRole; content: string }[] {
  if (!Array.isArray(messages) || messages.length === 0) {
    invalid('messages', '`messages` must be a non-empty array ending with a user message.');
  }
  const result: { role: ChatRole; content: string }[] = [];
  let expected: 'user' | 'assistant' = 'user';
  for (let index = 0; index < messages.length; index++) {
    const message: unknown = messages[index];
    const field = `messages[${index}]`;
    if (!isPlainObject(message)) invalid(field, `${field} must be an object { role, content }.`);
    const { role, content } = message as Partial<ChatMessage>;
    if (typeof content !== 'string') invalid(`${field}.content`, `${field}.content must be a string.`);
    if (role === 'system') {
      if (index !== 0) {
        invalid(
          `${field}.role`,
          `a system message is allowed only once, as the first message (found at ${field}).`,
        );
      }
    } else if (role === 'user' || role === 'assistant') {
      if (role !== expected) {
        invalid(
          `${field}.role`,
          `${field} is "${role}" but "${expected}" was expected: after an optional system message, turns alternate user, assistant, user… and start with user.`,
        );
      }
      expected = role === 'user' ? 'assistant' : 'user';
    } else {
      invalid(
        `${field}.role`,
        `${field}.role must be "system", "user" or "assistant" (got ${JSON.stringify(role)}).`,
      );
    }
    result.push({ role, content });
  }
  const lastIndex = messages.length - 1;
  if (result[lastIndex]!.role !== 'user') {
    invalid(`messages[${lastIndex}].role`, 'the last message must be from the user.');
  }
  return result;
}

/** Checks function definitions (`{ name, description, parameters: { type: 'object' } }`) and copies them. */
export function validateFunctions(
  functions: unknown,
): { name: string; description: string; parameters: FunctionParameters }[] {
  if (!Array.isArray(functions))
    invalid('functions', '`functions` must be an array of function definitions.');
  const names = new Set<string>();
  return functions.map((definition: unknown, index) => {
    const field = `functions[${index}]`;
    if (!isPlainObject(definition))
      invalid(field, `${field} must be an object { name, description, parameters }.`);
    const { name, description, parameters } = definition as Partial<SparkFunctionDefinition>;
    if (typeof name !== 'string' || name.trim() === '')
      invalid(`${field}.name`, `${field}.name must be a non-empty string.`);
    if (names.has(name)) invalid(`${field}.name`, `function name "${name}" is used twice.`);
    names.add(name);
    if (typeof description !== 'string')
      invalid(`${field}.description`, `${field}.description must be a string.`);
    if (!isPlainObject(parameters) || parameters.type !== 'object') {
      invalid(`${field}.parameters`, `${field}.parameters must be a JSON schema object with type: "object".`);
    }
    return { name, description, parameters };
  });
}
