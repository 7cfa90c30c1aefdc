/**
 * AI SDK tools and `toolChoice` → Spark functions, on a protocol that cannot force or forbid a call.
 *
 * Spark's WebSocket API takes a list of functions and lets the model decide. `toolChoice: 'none'` is
 * served exactly by sending no functions; `'required'` and `{ type: 'tool' }` are emulated (only the
 * named function is sent, and the last user turn asks for a call) with a `compatibility` warning,
 * because the model may still answer in text.
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
} from '@xinghuo/core';

/** The functions to send and the instruction that emulates a forced choice. */
export interface PreparedTools {
  functions: SparkFunctionDefinition[] | undefined;
  /** Appended to the last user turn when a call is required. */
  instruction: string | undefined;
}

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
 * Converts the call's tools and tool choice, pushing a warning for each setting Spark cannot honour.
 *
 * @throws SparkInvalidRequestError when `toolChoice` names a tool that is not among `tools`.
 */
export function prepareTools(
  options: Pick<LanguageModelV3CallOptions, 'tools' | 'toolChoice'>,
  warnings: SharedV3Warning[],
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
  if (functions.length === 0) return { functions: undefined, instruction: undefined };

  const choice = options.toolChoice ?? { type: 'auto' };
  switch (choice.type) {
    case 'auto':
      return { functions, instruction: undefined };
    case 'none':
      return { functions: undefined, instruction: undefined };
    case 'required':
      warnings.push({
        type: 'compatibility',
        feature: 'toolChoice',
        details:
          "Spark cannot force a call: 'required' is asked for in the prompt, and the model may still answer in text.",
      });
      return {
        functions,
        instruction: 'Answer by calling one of the functions you were given; do not answer in text.',
      };
    case 'tool': {
      const chosen = functions.filter((fn) => fn.name === choice.toolName);
      if (chosen.length === 0) {
        throw new SparkInvalidRequestError(
          `toolChoice names "${choice.toolName}", but the tools are: ${functions.map((fn) => fn.name).join(', ')}.`,
          { field: 'toolChoice' },
        );
      }
      warnings.push({
        type: 'compatibility',
        feature: 'toolChoice',
        details: `Spark cannot force a call: only "${choice.toolName}" is sent and the prompt asks for it; the model may still answer in text.`,
      });
      return {
        functions: chosen,
        instruction: `Answer by calling the function "${choice.toolName}"; do not answer in text.`,
      };
    }
  }
}
