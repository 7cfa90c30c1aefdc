/**
 * One AI SDK call (`LanguageModelV3CallOptions`) → one Spark request (`ChatParams`) plus the warnings
 * for everything Spark does not take. Each unsupported setting is named in its own warning, so
 * `result.warnings` tells the caller exactly what was dropped.
 */
import type { LanguageModelV3CallOptions, SharedV3Warning } from '@ai-sdk/provider';
import type { ChatMessage, ChatParams, SparkModel, SparkProtocol } from '@xinghuo/core';
import { convertPrompt } from './convert-prompt';
import { prepareTools } from './prepare-tools';
import type { SparkModelSettings } from './spark-provider-options';

/** A Spark request and what the provider must know to read its answer. */
export interface PreparedCall {
  params: ChatParams;
  warnings: SharedV3Warning[];
  /** The caller asked for JSON: the answer text is unwrapped from a code fence if the model added one. */
  jsonResponse: boolean;
}

// Settings that only Spark's HTTP API takes (`top_p`, `presence_penalty`, `frequency_penalty`): sent
// over HTTP, named in a warning over WebSocket.
const HTTP_ONLY_SETTINGS = [
  ['topP', "Spark's WebSocket API samples with temperature and topK only; use protocol 'http' for topP."],
  ['presencePenalty', "Spark's WebSocket API has no presence penalty; use protocol 'http'."],
  ['frequencyPenalty', "Spark's WebSocket API has no frequency penalty; use protocol 'http'."],
] as const;

// Settings of the AI SDK that Spark has no field for on either protocol.
const UNSUPPORTED_SETTINGS = [
  ['seed', 'Spark has no seed; answers are not reproducible.'],
  ['stopSequences', 'Spark has no stop sequences.'],
] as const;

function jsonInstruction(
  format: Extract<LanguageModelV3CallOptions['responseFormat'], { type: 'json' }>,
): string {
  const schema = format.schema ? `\nIt must match this JSON schema:\n${JSON.stringify(format.schema)}` : '';
  const about = format.description ? `\nIt describes: ${format.description}` : '';
  return `Answer with exactly one JSON value and nothing else (no explanation, no code fence).${about}${schema}`;
}

function appendToLastUserTurn(messages: ChatMessage[], instruction: string): ChatMessage[] {
  const last = messages.at(-1);
  if (last?.role !== 'user') return [...messages, { role: 'user', content: instruction }];
  return [...messages.slice(0, -1), { role: 'user', content: `${last.content}\n\n${instruction}` }];
}

function sparkProviderOptions(options: LanguageModelV3CallOptions): SparkModelSettings {
  const value = options.providerOptions?.spark;
  return (value ?? {}) as SparkModelSettings;
}

/** Builds the Spark request of one call. */
export function prepareCall(
  model: SparkModel,
  settings: SparkModelSettings,
  options: LanguageModelV3CallOptions,
  protocol: SparkProtocol = 'ws',
): PreparedCall {
  const http = protocol === 'http';
  const warnings: SharedV3Warning[] = [];
  // Sent over HTTP (below), named in a warning over WebSocket.
  const httpOnly: Pick<ChatParams, (typeof HTTP_ONLY_SETTINGS)[number][0]> = {};
  for (const [setting, details] of HTTP_ONLY_SETTINGS) {
    const value = options[setting];
    if (value === undefined) continue;
    if (http) httpOnly[setting] = value;
    else warnings.push({ type: 'unsupported', feature: setting, details });
  }
  for (const [setting, details] of UNSUPPORTED_SETTINGS) {
    const value = options[setting];
    if (value !== undefined && !(Array.isArray(value) && value.length === 0)) {
      warnings.push({ type: 'unsupported', feature: setting, details });
    }
  }
  // The AI SDK adds its own `user-agent` to every call; only the caller's headers deserve a warning.
  const headers = Object.entries(options.headers ?? {}).filter(
    ([name, value]) => value !== undefined && name.toLowerCase() !== 'user-agent',
  );
  if (headers.length > 0) {
    warnings.push({
      type: 'unsupported',
      feature: 'headers',
      details: http
        ? `The Spark client sends its own headers over HTTP; not sent: ${headers.map(([name]) => name).join(', ')}.`
        : `Spark is called over a signed WebSocket URL; not sent: ${headers.map(([name]) => name).join(', ')}.`,
    });
  }
  if (options.includeRawChunks) {
    warnings.push({
      type: 'unsupported',
      feature: 'includeRawChunks',
      details: 'The Spark client yields decoded events, not raw frames.',
    });
  }

  const tools = prepareTools(options, warnings, protocol);
  if (tools.functions && !model.capabilities.functions) {
    warnings.push({
      type: 'unsupported',
      feature: 'tools',
      details: `${model.label} does not document function calling; the functions are sent and Spark decides.`,
    });
  }

  let messages = convertPrompt(options.prompt, protocol);
  const jsonResponse = options.responseFormat?.type === 'json';
  if (options.responseFormat?.type === 'json') {
    // Over HTTP Spark's JSON mode guarantees JSON; the instruction still carries the schema, which
    // JSON mode does not take. Over WebSocket the instruction is all there is, hence the warning.
    if (!http) {
      warnings.push({
        type: 'compatibility',
        feature: 'responseFormat',
        details: "Spark's WebSocket API has no JSON mode: the JSON (and schema) is asked for in the prompt.",
      });
    }
    messages = appendToLastUserTurn(messages, jsonInstruction(options.responseFormat));
  }
  if (tools.instruction) messages = appendToLastUserTurn(messages, tools.instruction);

  const spark = { ...settings, ...sparkProviderOptions(options) };
  const params: ChatParams = {
    model,
    messages,
    ...(jsonResponse && http ? { responseFormat: 'json_object' as const } : {}),
    ...(options.temperature !== undefined ? { temperature: options.temperature } : {}),
    ...(options.maxOutputTokens !== undefined ? { maxTokens: options.maxOutputTokens } : {}),
    ...(options.topK !== undefined ? { topK: options.topK } : {}),
    ...httpOnly,
    ...(tools.functions ? { functions: tools.functions } : {}),
    ...(tools.toolChoice ? { toolChoice: tools.toolChoice } : {}),
    ...(spark.webSearch !== undefined ? { webSearch: spark.webSearch } : {}),
    ...(spark.thinking !== undefined ? { thinking: spark.thinking } : {}),
    ...(spark.uid !== undefined ? { uid: spark.uid } : {}),
    ...(spark.chatId !== undefined ? { chatId: spark.chatId } : {}),
    ...(spark.trimHistory !== undefined ? { trimHistory: spark.trimHistory } : {}),
    ...(spark.patchId !== undefined ? { patchId: spark.patchId } : {}),
    ...(spark.extra !== undefined ? { extra: spark.extra } : {}),
  };
  return { params, warnings, jsonResponse };
}
