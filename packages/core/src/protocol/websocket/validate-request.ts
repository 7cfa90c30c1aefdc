/**
 * Structural checks of the conversation and the function definitions, shared by `encodeRequest`.
 * Each failure names the offending field (`messages[3].role`) and what would be valid.
 */
import { checkSerializable, readField } from '../../client/request-values';
import { describeValue } from '../../errors/describe-value';
import { SparkInvalidRequestError } from '../../errors/error-classes';
import type { ChatMessage, ChatRole, FunctionParameters } from '../../types';

/**
 * Throws the `SparkInvalidRequestError` of one field: "Invalid request: <field> must be <rule> (got …)."
 * One message shape for every check keeps the messages consistent and the bundle small.
 */
export function invalid(field: string, rule: string, ...got: [unknown?]): never {
  throw new SparkInvalidRequestError(
    `Invalid request: ${field} must be ${rule}${got.length ? ` (got ${describeValue(got[0])})` : ''}.`,
    { field },
  );
}

/** True for a non-null, non-array object. */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Checks the conversation shape Spark requires (spec §3.4) and returns fresh `{ role, content }`
 * objects (extra properties are not sent).
 *
 * Rules: at least one message; `system` only as the first message; after it, turns alternate
 * `user`, `assistant`, `user`, … and the last one is from `user`; every `content` is a string.
 */
export function validateMessages(messages: unknown): { role: Exclude<ChatRole, 'tool'>; content: string }[] {
  if (!Array.isArray(messages) || messages.length === 0) {
    invalid('messages', 'a non-empty array ending with a user message');
  }
  const result: { role: Exclude<ChatRole, 'tool'>; content: string }[] = [];
  let expected: ChatRole = 'user';
  // An index loop rather than forEach: each read goes through readField (an element may be a getter).
  for (let index = 0; index < messages.length; index++) {
    const field = `messages[${index}]`;
    const message = readField(messages, index, field);
    if (!isPlainObject(message)) invalid(field, 'an object { role, content }');
    const role = readField(message, 'role', `${field}.role`) as ChatMessage['role'] | undefined;
    const content = readField(message, 'content', `${field}.content`);
    if (readField(message, 'toolCalls', `${field}.toolCalls`) !== undefined) {
      invalid(
        `${field}.toolCalls`,
        'left out on WebSocket: sending function calls back needs protocol "http"',
      );
    }
    if (typeof content !== 'string') invalid(`${field}.content`, 'a string');
    if (role === 'tool') {
      // Tool results exist only on the HTTP protocol; silently dropping them would change the answer.
      invalid(`${field}.role`, 'system, user or assistant on WebSocket: tool results need protocol "http"');
    }
    // After an optional first system message, turns alternate user, assistant, user… ending with user.
    const allowed = index === 0 ? ['system', 'user'] : [expected];
    if (!allowed.includes(role as ChatRole)) {
      invalid(
        `${field}.role`,
        `"${allowed.join('" or "')}" (system only first, then user and assistant alternate)`,
        role,
      );
    }
    expected = role === 'user' ? 'assistant' : 'user';
    result.push({ role: role as Exclude<ChatRole, 'tool'>, content });
  }
  if ((expected as ChatRole) !== 'assistant')
    invalid(`messages[${messages.length - 1}].role`, '"user" in the last message');
  return result;
}

/** Checks function definitions (`{ name, description, parameters: { type: 'object' } }`) and copies them. */
export function validateFunctions(
  functions: unknown,
): { name: string; description: string; parameters: FunctionParameters }[] {
  if (!Array.isArray(functions)) invalid('functions', 'an array of function definitions');
  const names = new Set<string>();
  const result: { name: string; description: string; parameters: FunctionParameters }[] = [];
  for (let index = 0; index < functions.length; index++) {
    const field = `functions[${index}]`;
    const definition = readField(functions, index, field);
    if (!isPlainObject(definition)) invalid(field, 'an object { name, description, parameters }');
    const name = readField(definition, 'name', `${field}.name`);
    const description = readField(definition, 'description', `${field}.description`);
    const parameters = readField(definition, 'parameters', `${field}.parameters`);
    if (typeof name !== 'string' || name.trim() === '' || names.has(name)) {
      invalid(`${field}.name`, 'a non-empty string used once', name);
    }
    names.add(name);
    if (typeof description !== 'string') invalid(`${field}.description`, 'a string');
    if (
      !isPlainObject(parameters) ||
      readField(parameters, 'type', `${field}.parameters.type`) !== 'object'
    ) {
      invalid(`${field}.parameters`, 'a JSON schema with type: "object"');
    }
    // Sent as given: a BigInt or a cycle inside would make the frame unsendable.
    checkSerializable(parameters, `${field}.parameters`);
    result.push({ name, description, parameters: parameters as FunctionParameters });
  }
  return result;
}
