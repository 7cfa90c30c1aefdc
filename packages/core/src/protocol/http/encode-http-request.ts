/**
 * Builds the body of a chat-completions request of Spark's OpenAI-compatible HTTP API (spec §6.3) and
 * validates it first, so that a bad request fails before any network with a `SparkInvalidRequestError`
 * that says which protocol accepts what.
 */

import { readField } from '../../client/request-values';
import { invalid } from '../../errors/invalid';
import type { SparkModel } from '../../models/models';
import type { ChatParams, FunctionCall, SparkToolChoice } from '../../types';
import { encodeWebSearch, type SparkWireWebSearchTool } from '../websocket/encode-request';
import { isPlainObject, validateFunctions } from '../websocket/validate-request';

/** A message as sent over HTTP. */
export interface HttpWireMessage {
  role: 'system' | 'user' | 'assistant' | 'tool';
  content: string;
  tool_calls?: { id?: string; type: 'function'; function: { name: string; arguments: string } }[];
  tool_call_id?: string;
}

/** A function tool as sent over HTTP. */
export interface HttpWireFunctionTool {
  type: 'function';
  function: { name: string; description: string; parameters: Record<string, unknown> };
}

/** `tool_choice` as sent over HTTP (OpenAI's shape). */
export type HttpWireToolChoice =
  | 'auto'
  | 'none'
  | 'required'
  | { type: 'function'; function: { name: string } };

/** The request body exactly as sent (snake_case wire names). */
export interface HttpRequestBody {
  model: string;
  messages: HttpWireMessage[];
  stream: true;
  temperature?: number;
  max_tokens?: number;
  max_completion_tokens?: number;
  top_k?: number;
  top_p?: number;
  presence_penalty?: number;
  frequency_penalty?: number;
  user?: string;
  tools?: (HttpWireFunctionTool | SparkWireWebSearchTool)[];
  tool_choice?: HttpWireToolChoice;
  tool_calls_switch?: boolean;
  response_format?: { type: 'text' | 'json_object' };
  thinking?: { type: 'enabled' | 'disabled' | 'auto' };
  [key: string]: unknown;
}

/** Options of {@link encodeHttpRequest}. */
export interface EncodeHttpRequestOptions {
  /** The resolved model; it must have an HTTP endpoint. */
  model: SparkModel;
  /** Receives capability warnings; they never block the request. */
  onWarning?: ((message: string) => void) | undefined;
}

const HTTP_ONLY_NOTE = 'over HTTP';
const PENALTY_RULE = 'a number from -2 to 2';
// What Spark's HTTP doc allows in a function name (spec §6.3); OpenAI-style validators agree.
const HTTP_FUNCTION_NAME = /^[A-Za-z0-9_]{1,32}$/;
// Keys of the body the typed options own; `extra` may not replace them.
const OWNED_KEYS = new Set(['model', 'messages', 'stream']);

function encodeToolCalls(calls: unknown, field: string): NonNullable<HttpWireMessage['tool_calls']> {
  if (!Array.isArray(calls) || calls.length === 0) invalid(field, 'a non-empty array of function calls');
  return calls.map((call: unknown, index) => {
    const at = `${field}[${index}]`;
    if (!isPlainObject(call)) invalid(at, 'a function call { id, name, arguments }');
    const { id, name, arguments: args } = call as Partial<FunctionCall>;
    if (typeof name !== 'string' || name === '') invalid(`${at}.name`, 'a non-empty string');
    if (typeof args !== 'string') invalid(`${at}.arguments`, 'the JSON-encoded arguments string');
    if (id !== undefined && (typeof id !== 'string' || id === '')) invalid(`${at}.id`, 'a non-empty string');
    const wire: NonNullable<HttpWireMessage['tool_calls']>[number] = {
      type: 'function',
      function: { name, arguments: args },
    };
    if (id !== undefined) wire.id = id;
    return wire;
  });
}

/**
 * Checks the conversation as the HTTP API takes it and builds the wire messages.
 *
 * Rules: `system` only first; then `user` and `assistant` alternate, except that an `assistant` turn
 * with `toolCalls` is followed by one or more `tool` turns (each with a `toolCallId`), after which the
 * assistant answers; the last turn is `user` or `tool`.
 */
export function validateHttpMessages(messages: unknown): HttpWireMessage[] {
  if (!Array.isArray(messages) || messages.length === 0) {
    invalid('messages', 'a non-empty array ending with a user or tool message');
  }
  let allowed: HttpWireMessage['role'][] = ['system', 'user'];
  const wireMessages = messages.map((message: unknown, index) => {
    const field = `messages[${index}]`;
    if (!isPlainObject(message)) invalid(field, 'an object { role, content }');
    const { role, content, toolCalls, toolCallId } = message as Record<string, unknown>;
    if (typeof content !== 'string') invalid(`${field}.content`, 'a string');
    if (!allowed.includes(role as HttpWireMessage['role'])) {
      invalid(
        `${field}.role`,
        `"${allowed.join('" or "')}" (system only first; user and assistant alternate; tool turns follow an assistant turn with toolCalls)`,
        JSON.stringify(role),
      );
    }
    const wire: HttpWireMessage = { role: role as HttpWireMessage['role'], content };
    if (toolCalls !== undefined) {
      if (role !== 'assistant') invalid(`${field}.toolCalls`, 'set only on an assistant message');
      wire.tool_calls = encodeToolCalls(toolCalls, `${field}.toolCalls`);
    }
    if (role === 'tool') {
      if (typeof toolCallId !== 'string' || toolCallId === '') {
        invalid(`${field}.toolCallId`, 'the id of the function call this result answers');
      }
      wire.tool_call_id = toolCallId;
    } else if (toolCallId !== undefined) {
      invalid(`${field}.toolCallId`, 'set only on a tool message');
    }
    if (role === 'user' || role === 'system') allowed = role === 'user' ? ['assistant'] : ['user'];
    else if (role === 'assistant') allowed = wire.tool_calls ? ['tool'] : ['user'];
    else allowed = ['tool', 'assistant'];
    return wire;
  });
  const last = wireMessages.length - 1;
  if (wireMessages[last]?.role !== 'user' && wireMessages[last]?.role !== 'tool') {
    invalid(`messages[${last}].role`, '"user" or "tool" in the last message');
  }
  return wireMessages;
}

/**
 * Checks `toolChoice` against the names of the functions sent and returns a fresh copy: `'auto'`,
 * `'none'`, `'required'` (at least one function) or `{ name }` naming one of them. HTTP only: the
 * WebSocket encoder takes nothing but `'auto'` and `'none'`.
 */
function validateToolChoice(value: unknown, functionNames: readonly string[]): SparkToolChoice {
  if (value === 'auto' || value === 'none') return value;
  if (value === 'required') {
    if (functionNames.length === 0) {
      invalid('toolChoice', '"auto" or "none" without functions ("required" needs at least one function)');
    }
    return value;
  }
  if (isPlainObject(value)) {
    const name = readField(value, 'name', 'toolChoice.name');
    if (typeof name !== 'string' || name === '') invalid('toolChoice.name', 'a non-empty string', name);
    if (!functionNames.includes(name)) {
      invalid(
        'toolChoice.name',
        functionNames.length > 0
          ? `the name of a function sent ("${functionNames.join('", "')}")`
          : 'the name of a function in `functions` (none were given)',
        name,
      );
    }
    return { name };
  }
  return invalid('toolChoice', '"auto", "none", "required" or { name } of a function', value);
}

function checkRange(value: unknown, field: string, minimum: number, maximum: number, rule: string): number {
  if (typeof value !== 'number' || !(value >= minimum && value <= maximum)) invalid(field, rule, value);
  return value;
}

/**
 * Validates a chat request for the HTTP protocol and builds the body (always `stream: true`).
 *
 * Differences from WebSocket, each refused with a message that names the protocol: `temperature` is
 * [0, 2] for every model (Spark's HTTP default is 1.0, not 0.5); `chatId` and `patchId` exist only on
 * WebSocket; `responseFormat`, a forced `toolChoice`, `topP` ((0, 1]), `presencePenalty` and
 * `frequencyPenalty` ([-2, 2]) and `tool` messages exist only on HTTP. X2.5 gets
 * `max_completion_tokens`. `toolChoice` becomes `tool_choice` (`{ type: 'function', function: { name } }`
 * for a named function); it is checked against the functions sent and left out when there are none.
 *
 * `tool_calls_switch: true` is sent with functions: without it Spark sends `tool_calls` as one object,
 * which can hold only one call, so several calls of one answer would be lost. The decoder still reads
 * the one-object form, for a server that ignores the switch.
 *
 * @throws SparkInvalidRequestError with `field` set
 */
export function encodeHttpRequest(params: ChatParams, options: EncodeHttpRequestOptions): HttpRequestBody {
  const { model, onWarning } = options;
  const http = model.http;
  if (!http) invalid('model', `a model with an HTTP endpoint ("${model.id}" has none)`);
  const warn = (supported: boolean, feature: string) => {
    if (!supported) {
      onWarning?.(
        `Model "${model.id}" may not support ${feature} ${HTTP_ONLY_NOTE}; Spark may ignore or reject it.`,
      );
    }
  };
  if (!isPlainObject(params)) invalid('messages', 'in a request object');
  const messages = validateHttpMessages(params.messages);
  warn(messages[0]?.role !== 'system' || model.capabilities.system, 'a system message');
  const body: HttpRequestBody = { model: http.model, messages, stream: true };
  if (params.chatId !== undefined) invalid('chatId', 'left out over HTTP: it is a WebSocket option');
  if (params.patchId !== undefined) invalid('patchId', 'left out over HTTP: it is a WebSocket option');
  if (params.temperature !== undefined) {
    body.temperature = checkRange(params.temperature, 'temperature', 0, 2, 'a number from 0 to 2 over HTTP');
  }
  if (params.maxTokens !== undefined) {
    const maximum = model.maxOutputTokens;
    if (!Number.isInteger(params.maxTokens) || params.maxTokens < 1 || params.maxTokens > maximum) {
      invalid('maxTokens', `an integer from 1 to ${maximum} for model "${model.id}"`, params.maxTokens);
    }
    body[http.maxTokensField] = params.maxTokens;
  }
  if (params.topK !== undefined) {
    if (!Number.isInteger(params.topK) || params.topK < 1 || params.topK > 6) {
      invalid('topK', 'an integer from 1 to 6', params.topK);
    }
    body.top_k = params.topK;
  }
  if (params.topP !== undefined) {
    const topP = params.topP;
    // (0, 1]: 0 would leave no token to sample from.
    if (typeof topP !== 'number' || !(topP > 0 && topP <= 1)) {
      invalid('topP', 'a number greater than 0 and at most 1', topP);
    }
    body.top_p = topP;
  }
  if (params.presencePenalty !== undefined) {
    body.presence_penalty = checkRange(params.presencePenalty, 'presencePenalty', -2, 2, PENALTY_RULE);
  }
  if (params.frequencyPenalty !== undefined) {
    body.frequency_penalty = checkRange(params.frequencyPenalty, 'frequencyPenalty', -2, 2, PENALTY_RULE);
  }
  if (params.uid !== undefined) {
    if (typeof params.uid !== 'string' || params.uid === '' || params.uid.length > 32) {
      invalid('uid', 'a non-empty string of at most 32 characters');
    }
    body.user = params.uid;
  }
  const tools: HttpRequestBody['tools'] = [];
  const functions = params.functions === undefined ? [] : validateFunctions(params.functions);
  for (const definition of functions) {
    warn(
      HTTP_FUNCTION_NAME.test(definition.name),
      `the function name "${definition.name}" (1–32 letters, digits or _)`,
    );
    tools.push({ type: 'function', function: definition });
  }
  if (functions.length > 0) {
    warn(http.functions, 'function calling');
    body.tool_calls_switch = true;
  }
  if (params.webSearch !== undefined) {
    const tool = encodeWebSearch(params.webSearch);
    warn(!tool.web_search.enable || model.capabilities.webSearch, 'web search');
    tools.push(tool);
  }
  if (tools.length > 0) body.tools = tools;
  if (params.toolChoice !== undefined) {
    const choice = validateToolChoice(
      params.toolChoice,
      functions.map((definition) => definition.name),
    );
    // Without functions 'auto' and 'none' mean what Spark does anyway, and OpenAI-style servers refuse
    // a tool_choice without tools: it is left out.
    if (functions.length > 0) {
      body.tool_choice =
        typeof choice === 'string' ? choice : { type: 'function', function: { name: choice.name } };
    }
  }
  if (params.responseFormat !== undefined) {
    if (params.responseFormat !== 'text' && params.responseFormat !== 'json_object') {
      invalid('responseFormat', '"text" or "json_object"', JSON.stringify(params.responseFormat));
    }
    body.response_format = { type: params.responseFormat };
  }
  if (params.thinking !== undefined) {
    if (!['enabled', 'disabled', 'auto'].includes(params.thinking)) {
      invalid('thinking', '"enabled", "disabled" or "auto"', JSON.stringify(params.thinking));
    }
    warn(model.capabilities.reasoning, '`thinking` (reasoning models only)');
    body.thinking = { type: params.thinking };
  }
  if (params.extra !== undefined) {
    if (!isPlainObject(params.extra)) invalid('extra', 'a plain object of request-body keys');
    for (const [key, value] of Object.entries(params.extra)) {
      if (OWNED_KEYS.has(key)) invalid(`extra.${key}`, 'left out: it is set by the SDK');
      if (value !== undefined) body[key] = value;
    }
  }
  return body;
}
