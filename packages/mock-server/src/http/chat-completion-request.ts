import type { ChatRequest, WireFunction, WireMessage, WireWebSearch } from '../chat-request.js';
import {
  checkInputFits,
  checkMaxTokens,
  checkRange,
  checkTopK,
  isRecord,
  optional,
  RequestRejected,
  requireRecord,
  requireString,
  schemaError,
  validated,
} from '../request-checks.js';
import { type SparkErrorFrameSpec, sparkError } from '../spark-errors.js';
import type { MockHttpRoute } from './http-routes.js';

/**
 * A validated `POST …/chat/completions` body: the transport-neutral `ChatRequest` the answer engine
 * reads (`domain` holds the `model`, `appId` is empty: HTTP sends none), plus what only HTTP has.
 */
export interface ChatCompletionRequest extends ChatRequest {
  /** `stream: true` asks for Server-Sent Events. */
  stream: boolean;
  /** `tool_calls_switch: true` asks for `tool_calls` as an array instead of one object. */
  toolCallsSwitch: boolean;
  /** `response_format.type`, e.g. `json_object`. */
  responseFormat?: string;
}

/** The outcome of validating one body. */
export type ChatCompletionValidation =
  | { ok: true; request: ChatCompletionRequest }
  | { ok: false; error: SparkErrorFrameSpec };

const ROLES = new Set(['system', 'user', 'assistant', 'tool']);

/**
 * Validates a chat-completions body like the service (spec §6.3): bad JSON → 10003, schema errors →
 * 10004, a `model` the endpoint does not serve or a parameter out of range → 10163, input over the
 * model's context window → 10907. The codes for an unknown model and the HTTP ranges are the mock's
 * best guess from the WebSocket table (unverified against the real service).
 */
export function validateChatCompletion(text: string, route: MockHttpRoute): ChatCompletionValidation {
  return validated(() => parseBody(text, route));
}

/** The `model` of a body, if it has one, without validating anything else. */
export function modelOf(text: string): string {
  try {
    const body: unknown = JSON.parse(text);
    return isRecord(body) && typeof body.model === 'string' ? body.model : '';
  } catch {
    return '';
  }
}

function parseBody(text: string, route: MockHttpRoute): ChatCompletionRequest {
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw new RequestRejected(sparkError(10003, 'the request body is not valid JSON'));
  }
  if (!isRecord(body)) throw new RequestRejected(sparkError(10003, 'the request body is not a JSON object'));

  const model = requireString(body.model, 'model');
  const limits = Object.hasOwn(route.models, model) ? route.models[model] : undefined;
  if (limits === undefined) {
    const served = Object.keys(route.models).join(', ');
    throw new RequestRejected(
      sparkError(10163, `model ${model} is not served at ${route.path} (use ${served})`),
    );
  }
  const messages = parseMessages(body.messages);
  const { functions, webSearch } = parseTools(body.tools);
  const user = optional(body.user, 'user', 'string');
  const temperature = optional(body.temperature, 'temperature', 'number');
  const topP = optional(body.top_p, 'top_p', 'number');
  const topK = optional(body.top_k, 'top_k', 'number');
  const presencePenalty = optional(body.presence_penalty, 'presence_penalty', 'number');
  const frequencyPenalty = optional(body.frequency_penalty, 'frequency_penalty', 'number');
  const maxTokens =
    optional(body.max_tokens, 'max_tokens', 'number') ??
    optional(body.max_completion_tokens, 'max_completion_tokens', 'number');
  const stream = optional(body.stream, 'stream', 'boolean') ?? false;
  const toolCallsSwitch = optional(body.tool_calls_switch, 'tool_calls_switch', 'boolean') ?? false;
  const responseFormat = isRecord(body.response_format)
    ? optional(body.response_format.type, 'response_format.type', 'string')
    : undefined;
  const toolChoice = parseToolChoice(body.tool_choice, functions);
  const thinking = isRecord(body.thinking)
    ? optional(body.thinking.type, 'thinking.type', 'string')
    : undefined;

  // HTTP takes temperature in [0, 2] with default 1.0, unlike the WebSocket (0, 1] (spec §6.3).
  checkRange(temperature, 'temperature', (value) => value >= 0 && value <= 2, '[0, 2]');
  checkRange(topP, 'top_p', (value) => value > 0 && value <= 1, '(0, 1]');
  checkTopK(topK, 'top_k');
  checkRange(presencePenalty, 'presence_penalty', (value) => value >= -2 && value <= 2, '[-2, 2]');
  checkRange(frequencyPenalty, 'frequency_penalty', (value) => value >= -2 && value <= 2, '[-2, 2]');
  checkMaxTokens(
    maxTokens,
    body.max_tokens === undefined ? 'max_completion_tokens' : 'max_tokens',
    limits.maxOutputTokens,
  );
  checkInputFits(messages, limits.contextWindow);

  const request: ChatCompletionRequest = {
    appId: '',
    domain: model,
    messages,
    functions,
    frame: body,
    stream,
    toolCallsSwitch,
  };
  if (user !== undefined) request.uid = user;
  if (temperature !== undefined) request.temperature = temperature;
  if (maxTokens !== undefined) request.maxTokens = maxTokens;
  if (topK !== undefined) request.topK = topK;
  if (topP !== undefined) request.topP = topP;
  if (presencePenalty !== undefined) request.presencePenalty = presencePenalty;
  if (frequencyPenalty !== undefined) request.frequencyPenalty = frequencyPenalty;
  if (webSearch !== undefined) request.webSearch = webSearch;
  if (thinking !== undefined) request.thinking = thinking;
  if (responseFormat !== undefined) request.responseFormat = responseFormat;
  if (toolChoice !== undefined) request.toolChoice = toolChoice;
  return request;
}

/**
 * `auto|none|required` or `{type:'function', function:{name}}` naming one of the functions. A forced
 * choice without functions is refused, as OpenAI-style services do (Spark's answer is unverified).
 */
function parseToolChoice(value: unknown, functions: readonly WireFunction[]): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (value === 'auto' || value === 'none') return value;
  if (value === 'required') {
    if (functions.length === 0)
      throw schemaError('tool_choice required needs at least one function in tools');
    return value;
  }
  if (isRecord(value) && isRecord(value.function) && typeof value.function.name === 'string') {
    const { name } = value.function;
    if (!functions.some((definition) => definition.name === name)) {
      throw schemaError(`tool_choice names ${name}, which is not in tools`);
    }
    return name;
  }
  throw schemaError('tool_choice must be auto, none, required or {type: "function", function: {name}}');
}

function parseMessages(value: unknown): WireMessage[] {
  if (!Array.isArray(value) || value.length === 0) throw schemaError('messages must be a non-empty array');
  const messages = value.map((item, index): WireMessage => {
    const path = `messages[${index}]`;
    const message = requireRecord(item, path);
    const role = requireString(message.role, `${path}.role`);
    if (!ROLES.has(role))
      throw schemaError(`${path}.role ${role} is not one of system, user, assistant, tool`);
    return { role, content: contentText(message, path) };
  });
  if (messages.some((message, index) => message.role === 'system' && index !== 0)) {
    throw schemaError('a system message may only be the first message');
  }
  return messages;
}

/** A message's text: a string, an array of `{type:'text', text}` parts, or nothing for a tool-calling turn. */
function contentText(message: Record<string, unknown>, path: string): string {
  const { content } = message;
  if (typeof content === 'string') return content;
  if ((content === null || content === undefined) && message.role === 'assistant') return '';
  if (Array.isArray(content)) {
    return content
      .map((part, index) => {
        const piece = requireRecord(part, `${path}.content[${index}]`);
        return typeof piece.text === 'string' ? piece.text : '';
      })
      .join('');
  }
  throw schemaError(`${path}.content must be a string`);
}

function parseTools(value: unknown): { functions: WireFunction[]; webSearch?: WireWebSearch } {
  if (value === undefined || value === null) return { functions: [] };
  if (!Array.isArray(value)) throw schemaError('tools must be an array');
  const functions: WireFunction[] = [];
  let webSearch: WireWebSearch | undefined;
  value.forEach((item, index) => {
    const path = `tools[${index}]`;
    const tool = requireRecord(item, path);
    if (tool.type === 'web_search') {
      const options = isRecord(tool.web_search) ? tool.web_search : {};
      webSearch = {
        enable: options.enable !== false,
        showRefLabel: options.show_ref_label === true,
        searchMode: typeof options.search_mode === 'string' ? options.search_mode : 'normal',
      };
      return;
    }
    if (tool.type !== 'function') throw schemaError(`${path}.type must be function or web_search`);
    const definition = requireRecord(tool.function, `${path}.function`);
    const name = requireString(definition.name, `${path}.function.name`);
    if (!/^[A-Za-z0-9_]{1,32}$/.test(name)) {
      throw schemaError(`${path}.function.name must be 1-32 letters, digits or underscores`);
    }
    const result: WireFunction = { name };
    const description = optional(definition.description, `${path}.function.description`, 'string');
    if (description !== undefined) result.description = description;
    if (definition.parameters !== undefined) {
      result.parameters = requireRecord(definition.parameters, `${path}.function.parameters`);
    }
    functions.push(result);
  });
  return webSearch === undefined ? { functions } : { functions, webSearch };
}
