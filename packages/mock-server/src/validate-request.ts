import type { ChatRequest, WireFunction, WireMessage, WireWebSearch } from './chat-request.js';
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
} from './request-checks.js';
import type { MockModelRoute } from './routes.js';
import { type SparkErrorFrameSpec, sparkError } from './spark-errors.js';

/** The outcome of validating one request frame. */
export type ValidationResult = { ok: true; request: ChatRequest } | { ok: false; error: SparkErrorFrameSpec };

/** What a request is checked against. */
export interface ValidationContext {
  route: MockModelRoute;
  appId: string;
}

const ROLES = new Set(['system', 'user', 'assistant', 'function', 'tool']);

/**
 * Validates a request frame like the service: bad JSON → 10003, schema errors → 10004, an unknown
 * app_id → 11200, a domain that does not belong to the path or a parameter out of range → 10163,
 * input over the model's context window → 10907.
 *
 * @example
 * const result = validateRequest(text, { route, appId: 'mockapp1' });
 * if (!result.ok) sendErrorFrame(result.error);
 */
export function validateRequest(text: string, context: ValidationContext): ValidationResult {
  return validated(() => parseRequest(text, context));
}

function parseRequest(text: string, { route, appId }: ValidationContext): ChatRequest {
  let frame: unknown;
  try {
    frame = JSON.parse(text);
  } catch {
    throw new RequestRejected(sparkError(10003, 'the request frame is not valid JSON'));
  }
  if (!isRecord(frame))
    throw new RequestRejected(sparkError(10003, 'the request frame is not a JSON object'));

  const header = requireRecord(frame.header, 'header');
  const requestAppId = requireString(header.app_id, 'header.app_id');
  const uid = optional(header.uid, 'header.uid', 'string');
  const chat = requireRecord(requireRecord(frame.parameter, 'parameter').chat, 'parameter.chat');
  const domain = requireString(chat.domain, 'parameter.chat.domain');
  const temperature = optional(chat.temperature, 'parameter.chat.temperature', 'number');
  const maxTokens = optional(chat.max_tokens, 'parameter.chat.max_tokens', 'number');
  const topK = optional(chat.top_k, 'parameter.chat.top_k', 'number');
  const payload = requireRecord(frame.payload, 'payload');
  const messages = parseMessages(requireRecord(payload.message, 'payload.message').text);
  const functions = parseFunctions(payload.functions);
  const webSearch = parseWebSearch(chat.tools);
  const thinking = isRecord(chat.thinking)
    ? optional(chat.thinking.type, 'thinking.type', 'string')
    : undefined;

  if (uid !== undefined && uid.length > 32) throw schemaError('header.uid is longer than 32 characters');
  if (requestAppId !== appId)
    throw new RequestRejected(sparkError(11200, `app_id ${requestAppId} tokens.total`));
  if (!route.domains.includes(domain)) {
    throw new RequestRejected(
      sparkError(10163, `domain ${domain} is not served at ${route.path} (expected ${route.domains[0]})`),
    );
  }
  checkRange(
    temperature,
    'parameter.chat.temperature',
    (value) => value > 0 && value <= route.maxTemperature,
    `(0, ${route.maxTemperature}]`,
  );
  checkTopK(topK, 'parameter.chat.top_k');
  checkMaxTokens(maxTokens, 'parameter.chat.max_tokens', route.maxOutputTokens);
  checkInputFits(messages, route.contextWindow);

  const request: ChatRequest = { appId: requestAppId, domain, messages, functions, frame };
  if (uid !== undefined) request.uid = uid;
  if (temperature !== undefined) request.temperature = temperature;
  if (maxTokens !== undefined) request.maxTokens = maxTokens;
  if (topK !== undefined) request.topK = topK;
  if (webSearch !== undefined) request.webSearch = webSearch;
  if (thinking !== undefined) request.thinking = thinking;
  return request;
}

function parseMessages(value: unknown): WireMessage[] {
  if (!Array.isArray(value) || value.length === 0) {
    throw schemaError('payload.message.text must be a non-empty array');
  }
  const messages = value.map((item, index): WireMessage => {
    const path = `payload.message.text[${index}]`;
    const message = requireRecord(item, path);
    const role = requireString(message.role, `${path}.role`);
    if (!ROLES.has(role)) throw schemaError(`${path}.role ${role} is not one of system, user, assistant`);
    if (typeof message.content !== 'string') throw schemaError(`${path}.content must be a string`);
    return { role, content: message.content };
  });
  const systemIndexes = messages.flatMap((message, index) => (message.role === 'system' ? [index] : []));
  if (systemIndexes.some((index) => index !== 0)) {
    throw schemaError('a system message may only be the first message');
  }
  return messages;
}

function parseFunctions(value: unknown): WireFunction[] {
  if (value === undefined || value === null) return [];
  const text = requireRecord(value, 'payload.functions').text;
  if (text === undefined || text === null) return [];
  if (!Array.isArray(text)) throw schemaError('payload.functions.text must be an array');
  return text.map((item, index): WireFunction => {
    const path = `payload.functions.text[${index}]`;
    const definition = requireRecord(item, path);
    const result: WireFunction = { name: requireString(definition.name, `${path}.name`) };
    const description = optional(definition.description, `${path}.description`, 'string');
    if (description !== undefined) result.description = description;
    if (definition.parameters !== undefined) {
      result.parameters = requireRecord(definition.parameters, `${path}.parameters`);
    }
    return result;
  });
}

function parseWebSearch(tools: unknown): WireWebSearch | undefined {
  if (tools === undefined || tools === null) return undefined;
  if (!Array.isArray(tools)) throw schemaError('parameter.chat.tools must be an array');
  for (const tool of tools) {
    if (!isRecord(tool) || tool.type !== 'web_search') continue;
    const options = isRecord(tool.web_search) ? tool.web_search : {};
    return {
      enable: options.enable !== false,
      showRefLabel: options.show_ref_label === true,
      searchMode: typeof options.search_mode === 'string' ? options.search_mode : 'normal',
    };
  }
  return undefined;
}
