/**
 * Decodes one server frame (spec §4). This and `encode-request.ts` are the only places that know the
 * snake_case wire names.
 *
 * It runs once per streamed token chunk, so it reads fields in place after one `JSON.parse` and
 * allocates only what it returns. Every shape check ends in a `SparkProtocolError`, never a
 * `TypeError` from reading a property of `undefined`.
 */
import { SparkProtocolError } from './errors/error-classes';
import { errorFromSparkCode } from './errors/from-spark-code';
import type { FunctionCall, SearchResult, Usage } from './types';

/** One decoded frame. */
export interface DecodedFrame {
  /** `header.status`: 0 first, 1 middle, 2 last frame of the exchange. */
  status: 0 | 1 | 2;
  /** Spark session id (`header.sid`); `''` when the frame has none. */
  sid: string;
  /** `payload.choices.seq`; `-1` on frames without `choices` (web-search sources). */
  seq: number;
  /** Answer text delta (all `choices.text[].content` joined); `''` when none. */
  text: string;
  /** Reasoning delta (`reasoning_content`, x1); `''` when none. */
  reasoning: string;
  /** The function call, on a function-call frame. */
  functionCall?: FunctionCall;
  /** Web-search sources, on a plugins frame. */
  searchResults?: SearchResult[];
  /** Token usage, on the final frame. */
  usage?: Usage;
}

/** Options of {@link decodeFrame}. */
export interface DecodeFrameOptions {
  /** Text streamed so far; kept on an output-moderation error (10014) as `partialText`. */
  partialText?: string | undefined;
}

type JsonObject = Record<string, unknown>;

function fail(detail: string): never {
  throw new SparkProtocolError(`Spark sent a malformed frame: ${detail}.`);
}

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function optionalString(value: unknown, path: string): string {
  if (value === undefined || value === null) return '';
  if (typeof value !== 'string') fail(`${path} is not a string`);
  return value;
}

function tokenCount(value: unknown, path: string): number | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) fail(`${path} is not a token count`);
  return value;
}

function decodeFunctionCall(value: unknown): FunctionCall {
  if (!isObject(value)) fail('function_call is not an object');
  const name = value.name;
  if (typeof name !== 'string') fail('function_call.name is not a string');
  const raw = value.arguments;
  // Spark sends a JSON-encoded string; tolerate an already-decoded object by re-encoding it.
  const args = typeof raw === 'string' ? raw : raw === undefined || raw === null ? '' : JSON.stringify(raw);
  try {
    // A function without parameters may come with empty arguments: that means "no arguments".
    return { name, arguments: args, parsedArguments: args === '' ? {} : JSON.parse(args) };
  } catch (error) {
    return { name, arguments: args, parseError: error instanceof Error ? error.message : String(error) };
  }
}

function decodeSearchResults(plugins: JsonObject): SearchResult[] | undefined {
  const entries = plugins.text;
  if (entries === undefined || entries === null) return undefined;
  if (!Array.isArray(entries)) fail('payload.plugins.text is not an array');
  let results: SearchResult[] | undefined;
  for (const entry of entries) {
    if (!isObject(entry) || typeof entry.content !== 'string') continue;
    let sources: unknown;
    try {
      sources = JSON.parse(entry.content);
    } catch {
      fail('payload.plugins.text[].content is not JSON');
    }
    if (!Array.isArray(sources)) fail('payload.plugins.text[].content is not a JSON array');
    results ??= [];
    for (const source of sources) {
      if (!isObject(source) || typeof source.url !== 'string') fail('a search result has no url');
      results.push({
        index: typeof source.index === 'number' ? source.index : results.length + 1,
        url: source.url,
        title: typeof source.title === 'string' ? source.title : '',
      });
    }
  }
  return results;
}

function decodeUsage(usage: unknown): Usage | undefined {
  if (usage === undefined || usage === null) return undefined;
  if (!isObject(usage)) fail('payload.usage is not an object');
  const text = usage.text;
  if (text === undefined || text === null) return undefined;
  if (!isObject(text)) fail('payload.usage.text is not an object');
  const promptTokens = tokenCount(text.prompt_tokens, 'usage.prompt_tokens') ?? 0;
  const completionTokens = tokenCount(text.completion_tokens, 'usage.completion_tokens') ?? 0;
  const totalTokens = tokenCount(text.total_tokens, 'usage.total_tokens') ?? promptTokens + completionTokens;
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
  if (typeof raw !== 'string') fail('the frame is not text');
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    fail('the frame is not JSON');
  }
  if (!isObject(parsed)) fail('the frame is not a JSON object');
  const header = parsed.header;
  if (!isObject(header)) fail('the frame has no header object');

  const sid = optionalString(header.sid, 'header.sid');
  const code = header.code ?? 0;
  if (typeof code !== 'number' || !Number.isInteger(code)) fail('header.code is not an integer');
  if (code !== 0) {
    throw errorFromSparkCode(
      code,
      optionalString(header.message, 'header.message'),
      sid || undefined,
      options?.partialText,
    );
  }
  const status = header.status;
  if (status !== 0 && status !== 1 && status !== 2) fail('header.status is not 0, 1 or 2');

  const frame: DecodedFrame = { status, sid, seq: -1, text: '', reasoning: '' };
  const payload = parsed.payload;
  if (payload === undefined || payload === null) return frame;
  if (!isObject(payload)) fail('payload is not an object');

  const choices = payload.choices;
  if (choices !== undefined && choices !== null) {
    if (!isObject(choices)) fail('payload.choices is not an object');
    const seq = choices.seq;
    if (seq !== undefined && seq !== null) {
      if (typeof seq !== 'number') fail('payload.choices.seq is not a number');
      frame.seq = seq;
    }
    const entries = choices.text;
    if (entries !== undefined && entries !== null) {
      if (!Array.isArray(entries)) fail('payload.choices.text is not an array');
      for (const entry of entries) {
        if (!isObject(entry)) fail('payload.choices.text[] is not an object');
        const content = entry.content;
        if (typeof content === 'string') frame.text += content;
        else if (content !== undefined && content !== null) fail('choices.text[].content is not a string');
        const reasoning = entry.reasoning_content;
        if (typeof reasoning === 'string') frame.reasoning += reasoning;
        else if (reasoning !== undefined && reasoning !== null)
          fail('choices.text[].reasoning_content is not a string');
        if (entry.function_call !== undefined && entry.function_call !== null) {
          frame.functionCall = decodeFunctionCall(entry.function_call);
        }
      }
    }
  }

  const plugins = payload.plugins;
  if (plugins !== undefined && plugins !== null) {
    if (!isObject(plugins)) fail('payload.plugins is not an object');
    const searchResults = decodeSearchResults(plugins);
    if (searchResults) frame.searchResults = searchResults;
  }

  const usage = decodeUsage(payload.usage);
  if (usage) frame.usage = usage;
  return frame;
}
