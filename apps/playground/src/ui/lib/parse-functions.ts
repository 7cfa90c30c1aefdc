import type { SparkFunctionDefinition } from '@xinghuo/browser';

/** The functions parsed from the panel's JSON, or why they could not be. */
export type ParsedFunctions =
  | { ok: true; functions: SparkFunctionDefinition[] }
  | { ok: false; error: string };

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Parses the functions panel: one definition object or an array of them, each with a `name`, a
 * `description` and JSON-schema `parameters` of `type: "object"`. Errors name the entry at fault.
 */
export function parseFunctions(json: string): ParsedFunctions {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch (error) {
    return { ok: false, error: `Not valid JSON: ${(error as Error).message}` };
  }
  const entries = Array.isArray(value) ? value : [value];
  const functions: SparkFunctionDefinition[] = [];
  for (const [index, entry] of entries.entries()) {
    const where = `Function ${index + 1}`;
    if (!isRecord(entry)) return { ok: false, error: `${where} is not an object.` };
    if (typeof entry.name !== 'string' || entry.name === '')
      return { ok: false, error: `${where} needs a "name".` };
    if (typeof entry.description !== 'string') return { ok: false, error: `${where} needs a "description".` };
    const parameters = entry.parameters;
    if (!isRecord(parameters) || parameters.type !== 'object' || !isRecord(parameters.properties)) {
      return { ok: false, error: `${where} needs "parameters": { "type": "object", "properties": { … } }.` };
    }
    functions.push(entry as unknown as SparkFunctionDefinition);
  }
  return { ok: true, functions };
}
