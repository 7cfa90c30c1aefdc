/**
 * Builds the one request frame of an exchange (spec §3) and validates it first, so a bad request fails
 * with a clear `SparkInvalidRequestError` before any socket is opened instead of a bare 10163 later.
 */
import { SparkInvalidRequestError } from './errors/error-classes';
import type { SparkModel } from './models';
import type { ChatParams, ChatRole, FunctionParameters, WebSearchOptions } from './types';
import { validateFunctions, validateMessages } from './validate-request';

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

function invalid(field: string, message: string): never {
  throw new SparkInvalidRequestError(`Invalid request: ${message}`, { field });
}

function checkInteger(
  value: unknown,
  field: string,
  minimum: number,
  maximum: number,
  modelNote = '',
): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < minimum || value > maximum) {
    invalid(
      field,
      `\`${field}\` must be an integer from ${minimum} to ${maximum}${modelNote} (got ${String(value)}).`,
    );
  }
  return value;
}

function checkTemperature(value: unknown, model: SparkModel): number {
  // Chat models take (0, 1] (spec §3.3). Reasoning models (x1) document other values: their own examples
  // send 0 and the Java SDK defaults to 1.2, so they get [0, 2], the common range of reasoning APIs.
  const reasoning = model.capabilities.reasoning;
  const ok =
    typeof value === 'number' &&
    Number.isFinite(value) &&
    (reasoning ? value >= 0 && value <= 2 : value > 0 && value <= 1);
  if (!ok) {
    const range = reasoning ? '0 to 2 for reasoning models' : 'greater than 0 and at most 1';
    invalid('temperature', `\`temperature\` must be a number ${range} (got ${String(value)}).`);
  }
  return value as number;
}

function checkShortString(value: unknown, field: string, maximumLength: number): string {
  if (typeof value !== 'string' || value.length === 0 || value.length > maximumLength) {
    invalid(field, `\`${field}\` must be a non-empty string of at most ${maximumLength} characters.`);
  }
  return value;
}

function encodeWebSearch(value: boolean | WebSearchOptions): SparkWireWebSearchTool {
  if (typeof value === 'boolean') return { type: 'web_search', web_search: { enable: value } };
  if (typeof value !== 'object' || value === null) {
    invalid('webSearch', '`webSearch` must be true, false or { enable?, showRefLabel?, searchMode? }.');
  }
  const webSearch: SparkWireWebSearchTool['web_search'] = { enable: value.enable ?? true };
  if (typeof webSearch.enable !== 'boolean')
    invalid('webSearch.enable', '`webSearch.enable` must be a boolean.');
  if (value.showRefLabel !== undefined) {
    if (typeof value.showRefLabel !== 'boolean') {
      invalid('webSearch.showRefLabel', '`webSearch.showRefLabel` must be a boolean.');
    }
    webSearch.show_ref_label = value.showRefLabel;
  }
  if (value.searchMode !== undefined) {
    if (value.searchMode !== 'normal' && value.searchMode !== 'deep') {
      invalid('webSearch.searchMode', '`webSearch.searchMode` must be "normal" or "deep".');
    }
    webSearch.search_mode = value.searchMode;
  }
  return { type: 'web_search', web_search: webSearch };
}

function encodePatchId(value: string | readonly string[]): string[] {
  const list = typeof value === 'string' ? [value] : value;
  if (!Array.isArray(list) || list.length === 0 || list.some((id) => typeof id !== 'string' || id === '')) {
    invalid('patchId', '`patchId` must be a non-empty string or a non-empty array of non-empty strings.');
  }
  return [...list];
}

function mergeExtra(chat: SparkRequestFrame['parameter']['chat'], extra: unknown): void {
  if (typeof extra !== 'object' || extra === null || Array.isArray(extra)) {
    invalid('extra', '`extra` must be a plain object of parameter.chat keys.');
  }
  for (const [key, value] of Object.entries(extra)) {
    if (key === 'domain') invalid('extra.domain', '`extra` may not set `domain`: choose the model instead.');
    if (value !== undefined) chat[key] = value;
  }
}

/**
 * Validates a chat request against the model and builds the wire frame.
 *
 * Checks, in order: `appId`; the messages (optional system first and once, then user/assistant
 * alternating and ending with user, string contents); `temperature` ((0, 1], or [0, 2] for reasoning
 * models); `topK` (integer 1–6); `maxTokens` (integer 1 … `model.maxOutputTokens`); `uid` (≤ 32
 * characters); `chatId`; `functions`; `webSearch`; `thinking`; `patchId`; `extra` (merged into
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
  const { appId, model, onWarning } = options;
  const warn = (message: string) => onWarning?.(message);
  if (typeof appId !== 'string' || appId.trim() === '') {
    invalid('appId', '`appId` must be the non-empty APPID from the iFlytek console (SPARK_APP_ID).');
  }
  if (typeof params !== 'object' || params === null)
    invalid('messages', 'the request must be an object with `messages`.');

  const messages = validateMessages(params.messages);
  if (messages[0]?.role === 'system' && !model.capabilities.system) {
    warn(
      `Model "${model.id}" may ignore or reject the system message; Spark documents system support for Max and Ultra.`,
    );
  }

  const header: SparkRequestFrame['header'] = { app_id: appId };
  if (params.uid !== undefined) header.uid = checkShortString(params.uid, 'uid', 32);
  if (params.patchId !== undefined) header.patch_id = encodePatchId(params.patchId);

  const chat: SparkRequestFrame['parameter']['chat'] = { domain: model.domain };
  if (params.temperature !== undefined) chat.temperature = checkTemperature(params.temperature, model);
  if (params.maxTokens !== undefined) {
    chat.max_tokens = checkInteger(
      params.maxTokens,
      'maxTokens',
      1,
      model.maxOutputTokens,
      ` for model "${model.id}"`,
    );
  }
  if (params.topK !== undefined) chat.top_k = checkInteger(params.topK, 'topK', 1, 6);
  if (params.chatId !== undefined) {
    if (typeof params.chatId !== 'string' || params.chatId === '')
      invalid('chatId', '`chatId` must be a non-empty string.');
    chat.chat_id = params.chatId;
  }
  if (params.webSearch !== undefined) {
    const tool = encodeWebSearch(params.webSearch);
    if (tool.web_search.enable && !model.capabilities.webSearch) {
      warn(`Model "${model.id}" may not support web search; Spark documents it for Pro, Max and Ultra.`);
    }
    chat.tools = [tool];
  }
  if (params.thinking !== undefined) {
    if (params.thinking !== 'enabled' && params.thinking !== 'disabled' && params.thinking !== 'auto') {
      invalid('thinking', '`thinking` must be "enabled", "disabled" or "auto".');
    }
    if (!model.capabilities.reasoning)
      warn(`Model "${model.id}" is not a reasoning model; \`thinking\` may be ignored.`);
    chat.thinking = { type: params.thinking };
  }
  if (params.extra !== undefined) mergeExtra(chat, params.extra);

  const frame: SparkRequestFrame = { header, parameter: { chat }, payload: { message: { text: messages } } };
  if (params.functions !== undefined) {
    const functions = validateFunctions(params.functions);
    if (functions.length > 0) {
      if (!model.capabilities.functions) {
        warn(`Model "${model.id}" may not support function calling; Spark documents it for Max and Ultra.`);
      }
      frame.payload.functions = { text: functions };
    }
  }
  return frame;
}
