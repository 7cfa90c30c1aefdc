/**
 * Reading and describing request values without trusting them. A request may hold anything: a BigInt,
 * a symbol, an object without a prototype, a getter that throws, a cycle. Each helper here turns such a
 * value into a `SparkInvalidRequestError` naming the field, never a `TypeError` from `String()`,
 * `JSON.stringify` or a getter.
 */

import { SparkInvalidRequestError } from '../errors/error-classes';
import { SparkError } from '../errors/spark-error';
import type { ChatParams } from '../types';

/** Throws the `SparkInvalidRequestError` of a value whose reading or serializing threw `cause`. */
function unreadable(field: string, what: string, cause: unknown): never {
  throw new SparkInvalidRequestError(`Invalid request: ${field} ${what}.`, { field, cause });
}

/**
 * Reads `object[key]`; a throwing getter (or proxy trap) becomes a `SparkInvalidRequestError` for
 * `field`. SparkErrors pass through unchanged.
 */
export function readField(object: object, key: PropertyKey, field: string): unknown {
  try {
    return (object as Record<PropertyKey, unknown>)[key];
  } catch (error) {
    if (SparkError.isInstance(error)) throw error;
    return unreadable(field, 'could not be read (its getter threw)', error);
  }
}

/**
 * Runs `check`; anything it throws that is not a `SparkError` (an exotic object defeating a check, a
 * proxy) becomes a `SparkInvalidRequestError` for `field`. The backstop behind the precise checks.
 */
export function withField<T>(field: string, check: () => T): T {
  try {
    return check();
  } catch (error) {
    if (SparkError.isInstance(error)) throw error;
    return unreadable(field, 'could not be checked', error);
  }
}

/**
 * Checks that `value` serializes to a JSON value (no BigInt, no cycle, no throwing `toJSON`; not a
 * function or a symbol, which JSON drops), for the parts of a request sent as the caller gave them
 * (`functions[i].parameters`, `extra.*`).
 */
export function checkSerializable(value: unknown, field: string): void {
  let json: string | undefined;
  try {
    json = JSON.stringify(value);
  } catch (error) {
    unreadable(field, 'must be JSON-serializable (no BigInt, no cycles)', error);
  }
  if (json === undefined) {
    throw new SparkInvalidRequestError(`Invalid request: ${field} must be a JSON value.`, { field });
  }
}

// Every field of ChatParams, so that a new option cannot be forgotten here (the type demands all keys).
const CHAT_PARAMS_KEYS: Record<keyof ChatParams, true> = {
  model: true,
  protocol: true,
  messages: true,
  temperature: true,
  maxTokens: true,
  topK: true,
  topP: true,
  presencePenalty: true,
  frequencyPenalty: true,
  uid: true,
  chatId: true,
  functions: true,
  toolChoice: true,
  webSearch: true,
  thinking: true,
  responseFormat: true,
  patchId: true,
  extra: true,
  trimHistory: true,
};
const CHAT_PARAMS_FIELDS = Object.keys(CHAT_PARAMS_KEYS) as (keyof ChatParams)[];

/**
 * Copies the fields of a request into a plain object, each read exactly once: a getter that throws
 * fails with its field's name, and a getter cannot answer one thing to the check and another to the
 * encoder. Unknown properties are left behind (they are never sent).
 */
export function readChatParams(params: object): ChatParams {
  const copy: Record<string, unknown> = {};
  for (const key of CHAT_PARAMS_FIELDS) {
    const value = readField(params, key, key);
    if (value !== undefined) copy[key] = value;
  }
  return copy as unknown as ChatParams;
}
