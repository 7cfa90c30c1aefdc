/**
 * Builds the one request frame of an exchange (spec §3) and validates it first, so a bad request fails
 * with a clear `SparkInvalidRequestError` before any socket is opened instead of a bare 10163 later.
 */

import { checkSerializable, readChatParams, readField, withField } from '../../client/request-values';
import { invalid } from '../../errors/invalid';
import type { SparkModel } from '../../models/models';
import type { ChatParams, ChatRole, FunctionParameters, WebSearchOptions } from '../../types';
import { type EncodedRequest, encodedRequest } from '../encoded-request';
import { isPlainObject, validateFunctions, validateMessages } from './validate-request';

/** The `web_search` tool on the wire. */
export interface SparkWireWebSearchTool {
  type: 'web_search';
  web_search: { enable: boolean; show_ref_label?: boolean; search_mode?: 'normal' | 'deep' };
}

/** The request frame exactly as sent (snake_case wire names). */
export interface SparkRequestFrame {
  header: { app_id: string; uid?: string; patch_id?: string[] };
  parameter: {
    chat: {
      domain: string;
      temperature?: number;
      max_tokens?: number;
      top_k?: number;
      chat_id?: string;
      tools?: SparkWireWebSearchTool[];
      thinking?: { type: 'enabled' | 'disabled' | 'auto' };
      [key: string]: unknown;
    };
  };
  payload: {
    message: { text: { role: ChatRole; content: string }[] };
    functions?: { text: { name: string; description: string; parameters: FunctionParameters }[] };
  };
}

/** Options of {@link encodeRequest}. */
export interface EncodeRequestOptions {
  /** The APPID from the iFlytek console (`header.app_id`). */
  appId: string;
  /** The resolved model (see `resolveModel`): its domain is sent and its limits are checked. */
  model: SparkModel;
  /** Receives capability warnings (e.g. a system message on Lite); they never block the request. */
  onWarning?: ((message: string) => void) | undefined;
}

// Request options only the HTTP API takes (spec §6.3).
const HTTP_ONLY_OPTIONS = ['responseFormat', 'topP', 'presencePenalty', 'frequencyPenalty'] as const;

function checkInteger(value: unknown, field: string, maximum: number, modelNote = ''): number {
  if (!Number.isInteger(value) || (value as number) < 1 || (value as number) > maximum) {
    invalid(field, `an integer from 1 to ${maximum}${modelNote}`, value);
  }
  return value as number;
}

function checkTemperature(value: unknown, model: SparkModel): number {
  // Chat models take (0, 1] (spec §3.3). Reasoning models (x1) document other values: their own examples
  // send 0 and the Java SDK defaults to 1.2, so they get [0, 2], the common range of reasoning APIs.
  const reasoning = model.capabilities.reasoning;
  if (typeof value !== 'number' || !(reasoning ? value >= 0 && value <= 2 : value > 0 && value <= 1)) {
    invalid(
      'temperature',
      reasoning ? 'a number from 0 to 2 for reasoning models' : 'a number greater than 0 and at most 1',
      value,
    );
  }
  return value;
}

function checkString(value: unknown, field: string, maximumLength = Infinity): string {
  if (typeof value !== 'string' || value === '' || value.length > maximumLength) {
    invalid(
      field,
      `a non-empty string${maximumLength < Infinity ? ` of at most ${maximumLength} characters` : ''}`,
    );
  }
  return value;
}

function checkOneOf<T extends string>(value: unknown, field: string, allowed: readonly T[]): T {
  if (!allowed.includes(value as T)) invalid(field, `"${allowed.join('", "')}"`, value);
  return value as T;
}

function checkBoolean(value: unknown, field: string): boolean {
  if (typeof value !== 'boolean') invalid(field, 'a boolean');
  return value;
}

/** Validates `webSearch` and builds the `web_search` tool (the same shape on both protocols). */
export function encodeWebSearch(value: boolean | WebSearchOptions): SparkWireWebSearchTool {
  if (typeof value === 'boolean') return { type: 'web_search', web_search: { enable: value } };
  if (!isPlainObject(value)) invalid('webSearch', 'a boolean or { enable?, showRefLabel?, searchMode? }');
  const enable = readField(value, 'enable', 'webSearch.enable');
  const showRefLabel = readField(value, 'showRefLabel', 'webSearch.showRefLabel');
  const searchMode = readField(value, 'searchMode', 'webSearch.searchMode');
  const webSearch: SparkWireWebSearchTool['web_search'] = {
    enable: checkBoolean(enable ?? true, 'webSearch.enable'),
  };
  if (showRefLabel !== undefined) {
    webSearch.show_ref_label = checkBoolean(showRefLabel, 'webSearch.showRefLabel');
  }
  if (searchMode !== undefined) {
    webSearch.search_mode = checkOneOf(searchMode, 'webSearch.searchMode', ['normal', 'deep']);
  }
  return { type: 'web_search', web_search: webSearch };
}

function encodePatchId(value: string | readonly string[]): string[] {
  const list = typeof value === 'string' ? [value] : value;
  if (!Array.isArray(list) || list.length === 0 || list.some((id) => typeof id !== 'string' || id === '')) {
    invalid('patchId', 'a non-empty string or array of them');
  }
  return [...list];
}

function mergeExtra(chat: SparkRequestFrame['parameter']['chat'], extra: unknown): void {
  if (!isPlainObject(extra)) invalid('extra', 'a plain object of parameter.chat keys');
  for (const key of Object.keys(extra)) {
    if (key === 'domain') invalid('extra.domain', 'left out: choose the model instead');
    const value = readField(extra, key, `extra.${key}`);
    if (value === undefined) continue;
    // Sent as given: a BigInt or a cycle would make the frame unsendable.
    checkSerializable(value, `extra.${key}`);
    chat[key] = value;
  }
}

/**
 * Validates a chat request against the model and builds the wire frame.
 *
 * Checks, in order: `appId`; the messages (optional system first and once, then user/assistant
 * alternating and ending with user, string contents); the HTTP-only options (`responseFormat`, `topP`,
 * `presencePenalty`, `frequencyPenalty`), refused with a message naming protocol `'http'`; `temperature` ((0, 1], or [0, 2] for reasoning
 * models); `topK` (integer 1–6); `maxTokens` (integer 1 … `model.maxOutputTokens`); `uid` (≤ 32
 * characters); `chatId`; `functions`; `toolChoice` (`'auto'` or `'none'`, which leaves the functions
 * out; a forced call needs HTTP); `webSearch`; `thinking`; `patchId`; `extra` (merged into
 * `parameter.chat` last, so it may override typed options but never `domain`). Undefined options are
 * omitted from the frame. Features the model may not support produce `onWarning` calls, not errors.
 *
 * @throws SparkInvalidRequestError with `field` set, e.g. `temperature` or `messages[2].role`
 * @example
 * ```ts
 * const frame = encodeRequest(
 *   { messages: [{ role: 'user', content: '你好' }], temperature: 0.5 },
 *   { appId: 'a1b2c3d4', model: resolveModel('lite') },
 * );
 * connection.send(JSON.stringify(frame));
 * ```
 */
export function encodeRequest(params: ChatParams, options: EncodeRequestOptions): SparkRequestFrame {
  if (!isPlainObject(params)) invalid('messages', 'in a request object');
  // Each field read once, a throwing getter named; `withField` below names what an exotic object breaks.
  return encodeFrame(readChatParams(params), options);
}

/** {@link encodeRequest} of a request whose fields were already read once (`readChatParams`). */
function encodeFrame(params: ChatParams, options: EncodeRequestOptions): SparkRequestFrame {
  const { appId, model, onWarning } = options;
  const { capabilities, id } = model;
  // Capability warnings never block: the registry may be more cautious than Spark itself.
  const warn = (supported: boolean, feature: string) => {
    if (!supported) onWarning?.(`Model "${id}" may not support ${feature}; Spark may ignore or reject it.`);
  };
  if (typeof appId !== 'string' || appId.trim() === '')
    invalid('appId', 'the APPID from the iFlytek console');

  const messages = withField('messages', () => validateMessages(params.messages));
  // Spark's WebSocket API has no such options: refused rather than dropped, so a caller never believes
  // a setting was applied that the server never saw.
  for (const field of HTTP_ONLY_OPTIONS) {
    if (params[field] !== undefined) {
      invalid(field, 'left out on WebSocket: it is an HTTP option (protocol: "http")');
    }
  }
  warn(messages[0]?.role !== 'system' || capabilities.system, 'a system message');

  const header: SparkRequestFrame['header'] = { app_id: appId };
  if (params.uid !== undefined) header.uid = checkString(params.uid, 'uid', 32);
  if (params.patchId !== undefined) {
    const patchId = params.patchId;
    header.patch_id = withField('patchId', () => encodePatchId(patchId));
  }

  const chat: SparkRequestFrame['parameter']['chat'] = { domain: model.domain };
  if (params.temperature !== undefined) chat.temperature = checkTemperature(params.temperature, model);
  if (params.maxTokens !== undefined) {
    chat.max_tokens = checkInteger(
      params.maxTokens,
      'maxTokens',
      model.maxOutputTokens,
      ` for model "${id}"`,
    );
  }
  if (params.topK !== undefined) chat.top_k = checkInteger(params.topK, 'topK', 6);
  if (params.chatId !== undefined) chat.chat_id = checkString(params.chatId, 'chatId');
  if (params.webSearch !== undefined) {
    const webSearch = params.webSearch;
    const tool = withField('webSearch', () => encodeWebSearch(webSearch));
    warn(!tool.web_search.enable || capabilities.webSearch, 'web search');
    chat.tools = [tool];
  }
  if (params.thinking !== undefined) {
    chat.thinking = { type: checkOneOf(params.thinking, 'thinking', ['enabled', 'disabled', 'auto']) };
    warn(capabilities.reasoning, '`thinking` (reasoning models only)');
  }
  if (params.extra !== undefined) {
    const extra = params.extra;
    withField('extra', () => mergeExtra(chat, extra));
  }

  const frame: SparkRequestFrame = { header, parameter: { chat }, payload: { message: { text: messages } } };
  const toolChoice = params.toolChoice;
  // Spark's WebSocket API has no tool_choice. 'auto' is its only behaviour and 'none' is served
  // exactly by sending no functions. A forced call is refused rather than asked for in the prompt:
  // the model could still answer in text, and the SDK would have promised what it cannot keep.
  // The adapters (@xinghuo/ai-sdk, @xinghuo/langchain) emulate it there, with a warning.
  if (toolChoice !== undefined && toolChoice !== 'auto' && toolChoice !== 'none') {
    invalid('toolChoice', '"auto" or "none" on WebSocket: forcing a call needs protocol "http"', toolChoice);
  }
  if (params.functions !== undefined) {
    const definitions = params.functions;
    const functions = withField('functions', () => validateFunctions(definitions));
    if (functions.length > 0 && toolChoice !== 'none') {
      warn(capabilities.functions, 'function calling');
      frame.payload.functions = { text: functions };
    }
  }
  return frame;
}

/**
 * {@link encodeRequest}, serialized, with the max tokens the frame asks for (an `extra.max_tokens`
 * counts: it is sent): what the client sends on every attempt. `params` must come from
 * `readChatParams` (the client reads each field once, before this): they are not read again.
 *
 * @throws SparkInvalidRequestError as {@link encodeRequest}
 */
export function encodeRequestText(params: ChatParams, options: EncodeRequestOptions): EncodedRequest {
  const frame = encodeFrame(params, options);
  return encodedRequest(frame, frame.parameter.chat.max_tokens, options.model);
}
