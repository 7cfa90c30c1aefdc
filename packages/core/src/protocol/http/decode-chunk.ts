/**
 * Decodes one chat-completion chunk of Spark's OpenAI-compatible HTTP API (spec §6.4), or the whole
 * body of a non-streamed answer, into the same pieces a WebSocket frame gives: text, reasoning, tool
 * calls, usage. Only this file (and the request encoder) knows the HTTP wire names.
 *
 * Spark's quirks handled here: `tool_calls` as one object instead of an array (the default without
 * `tool_calls_switch`), `arguments` as a string or an object, `reasoning_content` beside `content` in
 * one delta, usage on the last content chunk or in a chunk of its own with empty `choices`, and
 * business errors (`code != 0`) inside an otherwise well-formed chunk.
 */
import { SparkProtocolError, SparkServerError } from '../../errors/error-classes';
import type { FunctionCall, Usage } from '../../types';
import { errorFromSparkCode } from '../websocket/from-spark-code';

/** A tool call as the HTTP API sends it, normalised: always whole, with its id when Spark gave one. */
export interface DecodedToolCall extends FunctionCall {
  /** `tool_calls[].id`: quote it on the `tool` message that carries the result. */
  id?: string | undefined;
}

/** One decoded HTTP chunk (or non-streamed body). */
export interface DecodedChunk {
  /** Spark session id (`sid`, or `id` when no `sid` was sent); `''` when neither. */
  sid: string;
  /** Answer text delta (`delta.content`, or `message.content` when not streamed). */
  text: string;
  /** Reasoning delta (`reasoning_content`, X models). */
  reasoning: string;
  /** Tool calls in this chunk, in order. */
  toolCalls?: DecodedToolCall[];
  /** `finish_reason` exactly as sent (`stop`, `length`, `tool_calls`…), when this chunk has one. */
  finishReason?: string;
  /** Token usage, when this chunk carries it. */
  usage?: Usage;
}

type JsonObject = Record<string, unknown>;

function fail(path: string, what = 'is malformed'): never {
  throw new SparkProtocolError(`Spark sent a malformed chunk: ${path} ${what}.`);
}

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Where a field is, for an error message: `field` itself, or inside `choices[choice]` when `choice` is
 * given. Paths are put together only when a chunk fails: a template literal per field read would build
 * several strings for every chunk of every answer.
 */
function pathOf(field: string, choice?: number): string {
  return choice === undefined ? field : `choices[${choice}].${field}`;
}

function optionalObject(value: unknown, field: string, choice?: number): JsonObject | undefined {
  if (value === undefined || value === null) return undefined;
  if (!isObject(value)) fail(pathOf(field, choice), 'is not an object');
  return value;
}

function optionalString(value: unknown, field: string, choice?: number): string {
  if (value === undefined || value === null) return '';
  if (typeof value !== 'string') fail(pathOf(field, choice), 'is not a string');
  return value;
}

function tokenCount(usage: JsonObject, name: string): number {
  const value = usage[name] ?? 0;
  if (typeof value !== 'number' || !(value >= 0 && value < Infinity)) fail(`usage.${name}`);
  return value;
}

function decodeUsage(value: unknown): Usage | undefined {
  const usage = optionalObject(value, 'usage');
  if (!usage) return undefined;
  const promptTokens = tokenCount(usage, 'prompt_tokens');
  const completionTokens = tokenCount(usage, 'completion_tokens');
  const total = usage.total_tokens;
  return {
    promptTokens,
    completionTokens,
    totalTokens:
      total === undefined || total === null
        ? promptTokens + completionTokens
        : tokenCount(usage, 'total_tokens'),
  };
}

function decodeToolCall(value: unknown, path: string): DecodedToolCall {
  if (!isObject(value)) fail(path, 'is not an object');
  const fn = optionalObject(value.function, `${path}.function`) ?? fail(`${path}.function`, 'is missing');
  const name = fn.name;
  if (typeof name !== 'string' || name === '') fail(`${path}.function.name`);
  const raw = fn.arguments;
  const args = typeof raw === 'string' ? raw : raw === undefined || raw === null ? '' : JSON.stringify(raw);
  const id = typeof value.id === 'string' && value.id !== '' ? value.id : undefined;
  const call: DecodedToolCall = { name, arguments: args };
  if (id !== undefined) call.id = id;
  try {
    // A function without parameters may come with empty arguments: that means "no arguments".
    call.parsedArguments = args === '' ? {} : JSON.parse(args);
  } catch (error) {
    call.parseError = error instanceof Error ? error.message : String(error);
  }
  return call;
}

/** `tool_calls` is an array with `tool_calls_switch: true` and one bare object without it. */
function decodeToolCalls(value: unknown, choice: number): DecodedToolCall[] | undefined {
  if (value === undefined || value === null) return undefined;
  const path = pathOf('delta.tool_calls', choice);
  const calls = Array.isArray(value) ? value : [value];
  return calls.length === 0
    ? undefined
    : calls.map((call, index) => decodeToolCall(call, `${path}[${index}]`));
}

/**
 * Decodes one chunk. Throws the typed error for a business error (`code != 0`, or an OpenAI-style
 * `error` object) and a `SparkProtocolError` for anything malformed, never a `TypeError`.
 *
 * @param partialText - text streamed so far, kept on an output moderation error (10014)
 */
export function decodeChunk(json: string, partialText = ''): DecodedChunk {
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch {
    fail('the chunk', 'is not JSON');
  }
  if (!isObject(parsed)) fail('the chunk', 'is not an object');

  const sid = optionalString(parsed.sid ?? parsed.id, 'sid');
  const code = parsed.code;
  if (code !== undefined && code !== null && code !== 0) {
    if (typeof code !== 'number') fail('code', 'is not a number');
    throw errorFromSparkCode(code, optionalString(parsed.message, 'message'), sid || undefined, partialText);
  }
  const error = optionalObject(parsed.error, 'error');
  if (error) throw errorFromErrorObject(error, sid);

  const chunk: DecodedChunk = { sid, text: '', reasoning: '' };
  const usage = decodeUsage(parsed.usage);
  if (usage) chunk.usage = usage;

  const choices = parsed.choices;
  if (choices === undefined || choices === null) return chunk;
  if (!Array.isArray(choices)) fail('choices', 'is not an array');
  for (let index = 0; index < choices.length; index++) {
    const choice = choices[index];
    if (!isObject(choice)) fail(`choices[${index}]`, 'is not an object');
    const delta =
      optionalObject(choice.delta, 'delta', index) ?? optionalObject(choice.message, 'message', index);
    if (delta) {
      chunk.text += optionalString(delta.content, 'delta.content', index);
      chunk.reasoning += optionalString(delta.reasoning_content, 'delta.reasoning_content', index);
      const toolCalls = decodeToolCalls(delta.tool_calls, index);
      if (toolCalls) chunk.toolCalls = [...(chunk.toolCalls ?? []), ...toolCalls];
    }
    const finishReason = choice.finish_reason;
    if (typeof finishReason === 'string' && finishReason !== '') chunk.finishReason = finishReason;
  }
  return chunk;
}

/** An OpenAI-style `{ error: { message, code } }` body; a numeric Spark code inside it wins. */
function errorFromErrorObject(error: JsonObject, sid: string) {
  const message = typeof error.message === 'string' ? error.message : 'unknown error';
  const code = typeof error.code === 'number' ? error.code : Number(error.code);
  if (Number.isInteger(code) && code >= 10000) return errorFromSparkCode(code, message, sid || undefined);
  return new SparkServerError(`Spark answered with an error inside the stream: ${message.slice(0, 200)}`, {
    sid: sid || undefined,
    retryable: false,
  });
}
