/**
 * Turns every tool shape LangChain users write into Spark function definitions
 * (`payload.functions.text[]`): LangChain tools, `{ name, description, schema }` objects, OpenAI-style
 * `{ type: 'function', function }` tools, and plain `{ name, description, parameters }` definitions whose
 * parameters are a zod schema or a JSON schema.
 */
import type { ToolDefinition } from '@langchain/core/language_models/base';
import type { BindToolsInput as LangChainBindToolsInput } from '@langchain/core/language_models/chat_models';
import { convertToOpenAIFunction, isLangChainTool } from '@langchain/core/utils/function_calling';
import { toJsonSchema } from '@langchain/core/utils/json_schema';
import { isInteropZodSchema } from '@langchain/core/utils/types';
import {
  type FunctionParameters,
  type SparkFunctionDefinition,
  SparkInvalidRequestError,
} from '@xinghuo/core';

/** Anything `ChatSpark.bindTools` accepts. */
export type BindToolsInput = LangChainBindToolsInput | SparkFunctionDefinition;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isOpenAIStyleTool(tool: unknown): tool is ToolDefinition {
  return (
    isRecord(tool) &&
    tool.type === 'function' &&
    isRecord(tool.function) &&
    typeof tool.function.name === 'string'
  );
}

function describeTool(tool: unknown, index: number): string {
  if (isRecord(tool) && typeof tool.name === 'string') return `tool "${tool.name}"`;
  return `tools[${index}]`;
}

/**
 * Normalizes a parameter schema (zod, standard JSON schema, or nothing) to the JSON-schema object Spark
 * accepts: `type: 'object'` with `properties`. The `$schema` marker zod adds is dropped because the
 * gateway validates `functions` strictly and has no use for it.
 */
export function toSparkParameters(schema: unknown, field: string): FunctionParameters {
  if (schema === undefined || schema === null) return { type: 'object', properties: {} };
  const json: unknown = isInteropZodSchema(schema) ? toJsonSchema(schema) : schema;
  if (!isRecord(json)) {
    throw new SparkInvalidRequestError(`${field} must be a zod object schema or a JSON schema object.`, {
      field,
    });
  }
  const { $schema: _ignored, ...rest } = json;
  if (rest.type !== undefined && rest.type !== 'object') {
    throw new SparkInvalidRequestError(
      `${field} must describe an object (got type "${String(rest.type)}"): Spark passes arguments as one JSON object.`,
      { field },
    );
  }
  const properties = isRecord(rest.properties) ? rest.properties : {};
  const required = Array.isArray(rest.required)
    ? rest.required.filter((key) => typeof key === 'string')
    : undefined;
  return { ...rest, type: 'object', properties, ...(required ? { required } : {}) };
}

function definition(
  name: unknown,
  description: unknown,
  parameters: unknown,
  where: string,
): SparkFunctionDefinition {
  if (typeof name !== 'string' || name.trim() === '') {
    throw new SparkInvalidRequestError(`${where} has no name; Spark needs one to report the call.`, {
      field: `${where}.name`,
    });
  }
  return {
    name,
    // Spark requires a description and matches calls by it, so an empty one falls back to the name.
    description: typeof description === 'string' && description.trim() !== '' ? description : name,
    parameters: toSparkParameters(parameters, `${where}.parameters`),
  };
}

/**
 * Converts one tool to a Spark function definition.
 *
 * @throws SparkInvalidRequestError when the tool has no name or its schema is not an object schema.
 */
export function toSparkFunction(tool: BindToolsInput, index = 0): SparkFunctionDefinition {
  const where = describeTool(tool, index);
  if (isLangChainTool(tool)) {
    const converted = convertToOpenAIFunction(tool);
    return definition(converted.name, converted.description, converted.parameters, where);
  }
  if (isOpenAIStyleTool(tool)) {
    return definition(tool.function.name, tool.function.description, tool.function.parameters, where);
  }
  if (isRecord(tool)) {
    // `{ name, description, parameters }` (Spark's own shape) or `{ name, description, schema }`.
    // A bare JSON schema with a `title` is its own parameter schema (the shape withStructuredOutput takes).
    const schema =
      tool.parameters ?? tool.schema ?? tool.input_schema ?? (tool.type === 'object' ? tool : undefined);
    return definition(tool.name ?? tool.title, tool.description, schema, where);
  }
  throw new SparkInvalidRequestError(
    `${where} is not a tool, an OpenAI-style tool or a function definition.`,
    {
      field: where,
    },
  );
}

/**
 * Converts a list of tools to Spark function definitions, rejecting duplicate names (Spark reports a
 * call by name only, so two functions with one name could not be told apart).
 *
 * @example
 * ```ts
 * const functions = toSparkFunctions([weatherTool, { name: 'add', description: 'Adds', parameters: z.object({ a: z.number() }) }]);
 * ```
 */
export function toSparkFunctions(tools: readonly BindToolsInput[]): SparkFunctionDefinition[] {
  const functions = tools.map((tool, index) => toSparkFunction(tool, index));
  const seen = new Set<string>();
  for (const fn of functions) {
    if (seen.has(fn.name)) {
      throw new SparkInvalidRequestError(`Two tools are named "${fn.name}"; tool names must be unique.`, {
        field: 'tools',
      });
    }
    seen.add(fn.name);
  }
  return functions;
}
