/**
 * Decodes one server frame (spec §4). This and `encode-request.ts` are the only places that know the
 * snake_case wire names.
 *
 * It runs once per streamed token chunk, so it reads fields in place after one `JSON.parse` and
 * allocates only what it returns. Every shape check ends in a `SparkProtocolError`, never a
 * `TypeError` from reading a property of `undefined`.
 */
import { SparkProtocolError } from '../../errors/error-classes';
import type { FunctionCall, SearchResult, Usage } from '../../types';
import type { DecodedFrame } from '../decoded-frame';
import { errorFromSparkCode } from './from-spark-code';

export type { DecodedFrame } from '../decoded-frame';

/** Options of {@link decodeFrame}. */
export interface DecodeFrameOptions {
  /** Text streamed so far; kept on an output-moderation error (10014) as `partialText`. */
  partialText?: string | undefined;
}

type JsonObject = Record<string, unknown>;
type Kind = 'string' | 'number' | 'object' | 'array';

function fail(path: string, what = 'is malformed'): never {
  throw new SparkProtocolError(`Spark sent a malformed frame: ${path} ${what}.`);
}

function kindOf(value: unknown): string {
  return Array.isArray(value) ? 'array' : value === null ? 'null' : typeof value;
}

/**
 * Reads an optional field: `undefined` when absent or null, the value when it has the expected kind,
 * a `SparkProtocolError` naming the path otherwise.
 */
function optional(value: unknown, kind: 'string', path: string): string | undefined;
function optional(value: unknown, kind: 'number', path: string): number | undefined;
function optional(value: unknown, kind: 'object', path: string): JsonObject | undefined;
function optional(value: unknown, kind: 'array', path: string): unknown[] | undefined;
function optional(value: unknown, kind: Kind, path: string): unknown {
  if (value === undefined || value === null) return undefined;
  if (kindOf(value) !== kind)
    fail(path, `is not ${kind === 'array' || kind === 'object' ? 'an' : 'a'} ${kind}`);
  return value;
}

function tokenCount(text: JsonObject, name: string): number | undefined {
  const value = optional(text[name], 'number', `usage.${name}`);
  if (value !== undefined && !(value >= 0 && value < Infinity)) fail(`usage.${name}`);
  return value;
}

function decodeFunctionCall(value: JsonObject): FunctionCall {
  const name = value.name;
  if (typeof name !== 'string') fail('function_call.name');
  const raw = value.arguments;
  // Spark sends a JSON-encoded string; tolerate an already-decoded object by re-encoding it.
  const args = typeof raw === 'string' ? raw : raw === undefined || raw === null ? '' : JSON.stringify(raw);
  try {
    // A function without parameters may come with empty arguments: that means "no arguments".
    return { name, arguments: args, parsedArguments: args === '' ? {} : JSON.parse(args) };
  } catch (error) {
    return { name, arguments: args, parseError: (error as Error).message };
  }
}

function decodeSearchResults(plugins: JsonObject): SearchResult[] | undefined {
  let results: SearchResult[] | undefined;
  for (const entry of optional(plugins.text, 'array', 'plugins.text') ?? []) {
    const content = (entry as JsonObject | null)?.content;
    if (typeof content !== 'string') continue;
    let sources: unknown;
    try {
      sources = JSON.parse(content);
    } catch {
      // reported below
    }
    if (!Array.isArray(sources)) fail('plugins.text[].content', 'is not a JSON array');
    results ??= [];
    for (const source of sources as JsonObject[]) {
      if (typeof source?.url !== 'string') fail('a search result', 'has no url');
      results.push({
        index: typeof source.index === 'number' ? source.index : results.length + 1,
        url: source.url,
        title: typeof source.title === 'string' ? source.title : '',
      });
    }
  }
  return results;
}

function decodeUsage(payload: JsonObject): Usage | undefined {
  const text = optional(optional(payload.usage, 'object', 'usage')?.text, 'object', 'usage.text');
  if (!text) return undefined;
  const promptTokens = tokenCount(text, 'prompt_tokens') ?? 0;
  const completionTokens = tokenCount(text, 'completion_tokens') ?? 0;
  const totalTokens = tokenCount(text, 'total_tokens') ?? promptTokens + completionTokens;
  return { promptTokens, completionTokens, totalTokens };
}

/**
 * Decodes one JSON text frame from Spark.
 *
 * Tolerates frames without `choices` (web-search source frames), unknown extra fields and several
 * `text` entries (joined). The final frame's text is returned like any other frame's.
 *
 * @param raw - the frame text as received
 * @param options - `partialText` to keep on an output-moderation error
 * @throws the typed error of `header.code` (via `errorFromSparkCode`) for an error frame
 * @throws SparkProtocolError for anything that is not a Spark frame
 * @example
 * ```ts
 * const frame = decodeFrame(message, { partialText: textSoFar });
 * textSoFar += frame.text;
 * if (frame.status === 2) connection.close();
 * ```
 */
export function decodeFrame(raw: string, options?: DecodeFrameOptions): DecodedFrame {
  return decodeSparkFrame(raw, options?.partialText);
}

/**
 * {@link decodeFrame} with the partial text as a plain argument: what the engine calls once per
 * frame, without an options object per frame.
 */
export function decodeSparkFrame(raw: string, partialText: string | undefined): DecodedFrame {
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    fail('the frame', 'is not JSON text');
  }
  const header = optional(optional(parsed, 'object', 'the frame')?.header, 'object', 'header');
  if (!header) fail('header', 'is missing');

  const sid = optional(header.sid, 'string', 'header.sid') ?? '';
  const code = header.code ?? 0;
  if (!Number.isInteger(code)) fail('header.code', 'is not an integer');
  if (code !== 0) {
    throw errorFromSparkCode(
      code as number,
      optional(header.message, 'string', 'header.message') ?? '',
      sid || undefined,
      partialText,
    );
  }
  const status = header.status;
  if (status !== 0 && status !== 1 && status !== 2) fail('header.status', 'is not 0, 1 or 2');

  const frame: DecodedFrame = { status, sid, seq: -1, text: '', reasoning: '' };
  const payload = optional((parsed as JsonObject).payload, 'object', 'payload');
  if (!payload) return frame;

  const choices = optional(payload.choices, 'object', 'choices');
  if (choices) {
    frame.seq = optional(choices.seq, 'number', 'choices.seq') ?? -1;
    for (const entry of optional(choices.text, 'array', 'choices.text') ?? []) {
      const item = optional(entry, 'object', 'choices.text[]');
      if (!item) fail('choices.text[]', 'is not an object');
      frame.text += optional(item.content, 'string', 'content') ?? '';
      frame.reasoning += optional(item.reasoning_content, 'string', 'reasoning_content') ?? '';
      const functionCall = optional(item.function_call, 'object', 'function_call');
      if (functionCall) frame.functionCall = decodeFunctionCall(functionCall);
    }
  }

  const plugins = optional(payload.plugins, 'object', 'plugins');
  const searchResults = plugins && decodeSearchResults(plugins);
  if (searchResults) frame.searchResults = searchResults;

  const usage = decodeUsage(payload);
  if (usage) frame.usage = usage;
  return frame;
}
