/**
 * AI SDK tools and `toolChoice` → Spark functions and `toolChoice`.
 *
 * Over HTTP Spark takes `tool_choice` (spec §6.3): every AI SDK choice maps to core's `toolChoice`
 * as it is, without a warning. Spark's WebSocket API takes a list of functions and lets the model
 * decide: `'none'` is served exactly by sending no functions; `'required'` and `{ type: 'tool' }` are
 * emulated (only the named function is sent, and the last user turn asks for a call) with a
 * `compatibility` warning, because the model may still answer in text.
 */
import type {
  LanguageModelV3CallOptions,
  LanguageModelV3FunctionTool,
  SharedV3Warning,
} from '@ai-sdk/provider';
import {
  type FunctionParameters,
  type SparkFunctionDefinition,
  SparkInvalidRequestError,
  type SparkProtocol,
  type SparkToolChoice,
} from '@xinghuo/core';

/** The functions to send, the native tool choice (HTTP) and the instruction that emulates one (WebSocket). */
export interface PreparedTools {
  functions: SparkFunctionDefinition[] | undefined;
  /** Sent as `tool_choice` (HTTP only). */
  toolChoice: SparkToolChoice | undefined;
  /** Appended to the last user turn when a call is required (WebSocket only). */
  instruction: string | undefined;
}

const NO_TOOLS: PreparedTools = { functions: undefined, toolChoice: undefined, instruction: undefined };

function toSparkFunction(tool: LanguageModelV3FunctionTool): SparkFunctionDefinition {
  const schema = tool.inputSchema as Record<string, unknown>;
  const parameters: FunctionParameters = {
    ...schema,
    type: 'object',
    properties: (schema.properties as Record<string, unknown> | undefined) ?? {},
  };
  // JSON-schema bookkeeping Spark does not document; sent, it only costs input tokens.
  delete parameters.$schema;
  return { name: tool.name, description: tool.description ?? '', parameters };
}

/**
 * Converts the call's tools and tool choice for `protocol`, pushing a warning for each setting Spark
 * cannot honour there.
 *
 * @throws SparkInvalidRequestError when `toolChoice` names a tool that is not among `tools`.
 */
export function prepareTools(
  options: Pick<LanguageModelV3CallOptions, 'tools' | 'toolChoice'>,
  warnings: SharedV3Warning[],
  protocol: SparkProtocol = 'ws',
): PreparedTools {
  const functions: SparkFunctionDefinition[] = [];
  for (const tool of options.tools ?? []) {
    if (tool.type === 'function') functions.push(toSparkFunction(tool));
    else {
      warnings.push({
        type: 'unsupported',
        feature: `provider-defined tool ${tool.id}`,
        details: 'Spark runs no provider tools; the tool was not sent. Use webSearch for web search.',
      });
    }
  }
  if (functions.length === 0) return NO_TOOLS;

  const choice = options.toolChoice ?? { type: 'auto' };
  if (choice.type === 'tool' && !functions.some((fn) => fn.name === choice.toolName)) {
    throw new SparkInvalidRequestError(
      `toolChoice names "${choice.toolName}", but the tools are: ${functions.map((fn) => fn.name).join(', ')}.`,
      { field: 'toolChoice' },
    );
  }
  if (protocol === 'http') {
    return {
      functions,
      toolChoice: choice.type === 'tool' ? { name: choice.toolName } : choice.type,
      instruction: undefined,
    };
  }
  switch (choice.type) {
    case 'auto':
      return { functions, toolChoice: undefined, instruction: undefined };
    case 'none':
      return NO_TOOLS;
    case 'required':
      warnings.push({
        type: 'compatibility',
        feature: 'toolChoice',
        details:
          "Spark's WebSocket API cannot force a call: 'required' is asked for in the prompt, and the model may still answer in text. Protocol 'http' forces it.",
      });
      return {
        functions,
        toolChoice: undefined,
        instruction: 'Answer by calling one of the functions you were given; do not answer in text.',
      };
    case 'tool':
      warnings.push({
        type: 'compatibility',
        feature: 'toolChoice',
        details: `Spark's WebSocket API cannot force a call: only "${choice.toolName}" is sent and the prompt asks for it; the model may still answer in text. Protocol 'http' forces it.`,
      });
      return {
        functions: functions.filter((fn) => fn.name === choice.toolName),
        toolChoice: undefined,
        instruction: `Answer by calling the function "${choice.toolName}"; do not answer in text.`,
      };
  }
}
