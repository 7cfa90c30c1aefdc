/**
 * `withStructuredOutput` for Spark, two ways:
 *
 * - `functionCalling`: the schema becomes the only function sent, forced by `tool_choice` (natively
 *   over HTTP, by the prompt over WebSocket); the call's arguments are the output.
 * - `jsonMode`: for models without function calling (Lite, kjwx). The last user turn asks for one JSON
 *   object matching the schema; over HTTP Spark's JSON mode (`responseFormat: 'json_object'`) is on
 *   too, which guarantees JSON but takes no schema (WebSocket has no JSON mode). The answer is parsed and
 *   validated, and when it does not validate the model is asked once more with the error.
 *
 * Both validate with the schema given: zod, a standard schema, or a JSON schema.
 */
import type {
  BaseLanguageModelInput,
  StructuredOutputMethodOptions,
} from '@langchain/core/language_models/base';
import { assembleStructuredOutputPipeline } from '@langchain/core/language_models/structured_output';
import {
  AIMessage,
  type AIMessageChunk,
  type BaseMessage,
  type BaseMessageLike,
  coerceMessageLikeToMessage,
  HumanMessage,
} from '@langchain/core/messages';
import { OutputParserException } from '@langchain/core/output_parsers';
import type { BasePromptValueInterface } from '@langchain/core/prompt_values';
import { type Runnable, type RunnableConfig, RunnableLambda } from '@langchain/core/runnables';
import { toJsonSchema, Validator } from '@langchain/core/utils/json_schema';
import { isSerializableSchema, type SerializableSchema } from '@langchain/core/utils/standard_schema';
import { type InteropZodType, interopSafeParseAsync, isInteropZodSchema } from '@langchain/core/utils/types';
import { SparkConfigError, type SparkModel, type SparkProtocol } from '@xinghuo/core';
import type { ChatSparkCallOptions } from './chat-spark-options';
import { toSparkFunction } from './convert-tools';

type AnySchema = InteropZodType | SerializableSchema | Record<string, unknown>;

/**
 * What structured output needs of ChatSpark. Declared here rather than imported, so this module does
 * not import `chat-spark.ts` (which imports this one).
 */
export interface StructuredOutputModel {
  /** The registry entry of the model: decides the default method. */
  readonly modelInfo: SparkModel;
  /** The protocol requests go over: JSON mode exists only on HTTP. */
  readonly protocol: SparkProtocol;
  withConfig(config: Partial<ChatSparkCallOptions>): Runnable<BaseLanguageModelInput, AIMessageChunk>;
}

/** Extra option of ChatSpark's `withStructuredOutput`. */
export interface SparkStructuredOutputOptions<IncludeRaw extends boolean>
  extends StructuredOutputMethodOptions<IncludeRaw> {
  /** `jsonMode` only: how many times to ask again after an answer that does not validate. Default 1. */
  repairAttempts?: number;
}

function toJsonSchemaObject(schema: AnySchema): Record<string, unknown> {
  if (isInteropZodSchema(schema) || isSerializableSchema(schema)) {
    const { $schema: _ignored, ...json } = toJsonSchema(schema) as Record<string, unknown>;
    return json;
  }
  return schema as Record<string, unknown>;
}

/** Validates `value` against the schema; resolves to the (possibly transformed) value or throws. */
export async function validateStructured(
  schema: AnySchema,
  value: unknown,
  llmOutput: string,
): Promise<unknown> {
  if (isInteropZodSchema(schema)) {
    const result = await interopSafeParseAsync(schema, value);
    if (result.success) return result.data;
    const issues = result.error.issues.map(
      (issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`,
    );
    throw new OutputParserException(`The output does not match the schema: ${issues.join('; ')}`, llmOutput);
  }
  if (isSerializableSchema(schema)) {
    const result = await schema['~standard'].validate(value);
    if (!result.issues) return result.value;
    const issues = result.issues.map((issue) => issue.message).join('; ');
    throw new OutputParserException(`The output does not match the schema: ${issues}`, llmOutput);
  }
  const validation = new Validator(schema as never).validate(value);
  if (validation.valid) return value;
  const errors = validation.errors.map((error) => `${error.instanceLocation} ${error.error}`).join('; ');
  throw new OutputParserException(`The output does not match the schema: ${errors}`, llmOutput);
}

/** The function name: `config.name`, the schema's `title`/`name`, else `extract`. */
function functionNameOf(schema: Record<string, unknown>, name: string | undefined): string {
  if (name) return name;
  for (const key of ['title', 'name'])
    if (typeof schema[key] === 'string' && schema[key] !== '') return schema[key];
  return 'extract';
}

function functionCalling(
  model: StructuredOutputModel,
  schema: AnySchema,
  json: Record<string, unknown>,
  name: string,
) {
  const definition = toSparkFunction({
    name,
    description: typeof json.description === 'string' ? json.description : `Return the answer as ${name}.`,
    parameters: json,
  });
  const llm = model.withConfig({
    tools: [definition],
    tool_choice: name,
    ls_structured_output_format: { kwargs: { method: 'functionCalling' }, schema: json },
  });
  const parser = RunnableLambda.from(async (message: BaseMessage) => {
    const ai = message as AIMessage;
    const call = ai.tool_calls?.find((toolCall) => toolCall.name === name);
    if (call) return validateStructured(schema, call.args, JSON.stringify(call.args));
    const invalid = ai.invalid_tool_calls?.find((toolCall) => toolCall.name === name);
    if (invalid)
      throw new OutputParserException(`Spark called "${name}" with ${invalid.error}`, invalid.args ?? '');
    throw new OutputParserException(
      `Spark answered with text instead of calling "${name}". Use method: 'jsonMode' for this model.`,
      typeof ai.content === 'string' ? ai.content : JSON.stringify(ai.content),
    );
  });
  return { llm, parser };
}

/** The instruction appended to the last user turn in JSON mode. */
export function jsonModeInstruction(json: Record<string, unknown>): string {
  return (
    'Answer with exactly one JSON object and nothing else (no explanation, no code fence). ' +
    `It must match this JSON schema:\n${JSON.stringify(json)}`
  );
}

/** Extracts the JSON object from an answer that may wrap it in a code fence or a sentence. */
export function extractJson(text: string): unknown {
  const fenced = /```(?:json)?\s*([\s\S]*?)```/i.exec(text);
  const candidate = fenced?.[1] ?? text;
  const start = candidate.indexOf('{');
  const end = candidate.lastIndexOf('}');
  if (start === -1 || end < start)
    throw new OutputParserException('The answer contains no JSON object.', text);
  try {
    return JSON.parse(candidate.slice(start, end + 1));
  } catch (error) {
    throw new OutputParserException(`The answer is not valid JSON: ${(error as Error).message}`, text);
  }
}

function toMessages(input: BaseLanguageModelInput): BaseMessage[] {
  if (typeof input === 'string') return [new HumanMessage(input)];
  if (typeof (input as BasePromptValueInterface).toChatMessages === 'function') {
    return (input as BasePromptValueInterface).toChatMessages();
  }
  return (input as BaseMessageLike[]).map(coerceMessageLikeToMessage);
}

function withInstruction(messages: BaseMessage[], instruction: string): BaseMessage[] {
  const last = messages.at(-1);
  if (last?.getType() !== 'human') return [...messages, new HumanMessage(instruction)];
  const content =
    typeof last.content === 'string'
      ? `${last.content}\n\n${instruction}`
      : [...last.content, { type: 'text' as const, text: `\n\n${instruction}` }];
  return [...messages.slice(0, -1), new HumanMessage({ content, ...(last.id ? { id: last.id } : {}) })];
}

function jsonMode(
  model: StructuredOutputModel,
  schema: AnySchema,
  json: Record<string, unknown>,
  repairAttempts: number,
) {
  const llm = model.withConfig({
    ...(model.protocol === 'http' ? { responseFormat: 'json_object' as const } : {}),
    ls_structured_output_format: { kwargs: { method: 'jsonMode' }, schema: json },
  });
  const instruction = jsonModeInstruction(json);
  const parse = async (message: BaseMessage) => {
    const text = message.text;
    return validateStructured(schema, extractJson(text), text);
  };
  // Produces the raw message that parses (after repairs), or the last one; the parser then validates it.
  const answer = RunnableLambda.from(async (input: BaseLanguageModelInput, config?: RunnableConfig) => {
    const conversation = withInstruction(toMessages(input), instruction);
    let raw: BaseMessage = await llm.invoke(conversation, config);
    for (let attempt = 0; attempt < repairAttempts; attempt++) {
      try {
        await parse(raw);
        return raw;
      } catch (error) {
        const reason = (error as Error).message;
        conversation.push(new AIMessage(raw.text), new HumanMessage(`${reason}\n${instruction}`));
        raw = await llm.invoke(conversation, config);
      }
    }
    return raw;
  });
  return { llm: answer, parser: RunnableLambda.from(parse) };
}

/**
 * Builds ChatSpark's structured-output runnable.
 *
 * @throws SparkConfigError for an unknown method or `strict: true`.
 */
export function structuredOutput<RunOutput extends Record<string, unknown>>(
  model: StructuredOutputModel,
  schema: AnySchema,
  config: SparkStructuredOutputOptions<boolean> | undefined,
):
  | Runnable<BaseLanguageModelInput, RunOutput>
  | Runnable<BaseLanguageModelInput, { raw: BaseMessage; parsed: RunOutput }> {
  if (config?.strict)
    throw new SparkConfigError('Spark has no strict structured-output mode; leave `strict` unset.');
  const method = config?.method ?? (model.modelInfo.capabilities.functions ? 'functionCalling' : 'jsonMode');
  const json = toJsonSchemaObject(schema);
  const name = functionNameOf(json, config?.name);
  let parts: { llm: Runnable; parser: Runnable };
  if (method === 'functionCalling') parts = functionCalling(model, schema, json, name);
  else if (method === 'jsonMode' || method === 'jsonSchema')
    parts = jsonMode(model, schema, json, config?.repairAttempts ?? 1);
  else {
    throw new SparkConfigError(
      `Unknown structured-output method "${method}"; use 'functionCalling' or 'jsonMode'.`,
    );
  }
  const includeRaw = config?.includeRaw === true;
  return assembleStructuredOutputPipeline<RunOutput>(
    parts.llm,
    parts.parser as Runnable<unknown, RunOutput>,
    includeRaw,
    includeRaw ? 'StructuredOutputRunnable' : 'StructuredOutput',
  );
}
