import type { WireFunction, WireMessage } from '../chat-request.js';
import { lastUserContent } from './deterministic-answer.js';

/** A function call as it appears on the wire: `arguments` is a JSON-encoded string. */
export interface WireFunctionCall {
  name: string;
  arguments: string;
}

/**
 * The default function-call rule: when functions are given and the last user message contains a
 * function's `name` (case-insensitive), the mock answers with a call to that function (the first
 * one listed, if several match). Otherwise it answers with text.
 */
export function chooseFunction(
  functions: readonly WireFunction[],
  messages: readonly WireMessage[],
): WireFunction | undefined {
  const question = lastUserContent(messages).toLowerCase();
  return functions.find((definition) => question.includes(definition.name.toLowerCase()));
}

/**
 * Deterministic arguments for `definition`: every required property (or every property when none is
 * required) gets a placeholder of its JSON-schema type — the first `enum` value, `"示例"` for strings,
 * `1` for numbers, `true` for booleans, `[]` and `{}` for arrays and objects.
 */
export function placeholderArguments(definition: WireFunction): Record<string, unknown> {
  const parameters = definition.parameters ?? {};
  const properties = isRecord(parameters.properties) ? parameters.properties : {};
  const required = Array.isArray(parameters.required)
    ? parameters.required.filter((name): name is string => typeof name === 'string')
    : Object.keys(properties);
  const result: Record<string, unknown> = {};
  for (const name of required) {
    const schema = properties[name];
    result[name] = placeholderFor(isRecord(schema) ? schema : {});
  }
  return result;
}

function placeholderFor(schema: Record<string, unknown>): unknown {
  if (Array.isArray(schema.enum) && schema.enum.length > 0) return schema.enum[0];
  switch (schema.type) {
    case 'number':
    case 'integer':
      return 1;
    case 'boolean':
      return true;
    case 'array':
      return [];
    case 'object':
      return {};
    default:
      return '示例';
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
