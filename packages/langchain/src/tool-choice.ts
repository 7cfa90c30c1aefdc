/**
 * LangChain's `tool_choice` for Spark, per protocol.
 *
 * Over HTTP Spark takes `tool_choice` (spec §6.3): {@link toSparkToolChoice} maps LangChain's choice to
 * core's `toolChoice` and every bound function is sent. Spark's WebSocket API offers no way to force or
 * forbid a call, so there the choice is applied to the list of functions sent and, when a call is
 * required, to the prompt: `'none'` sends no functions; `'auto'` sends all; `'any'` and `'required'`
 * send all and ask for a call at the end of the last user turn; a named tool sends only that one and
 * asks for it. The model may still answer in text.
 */
import type { ToolChoice } from '@langchain/core/language_models/chat_models';
import { type SparkFunctionDefinition, SparkInvalidRequestError, type SparkToolChoice } from '@xinghuo/core';

function chosenName(choice: ToolChoice): string | undefined {
  if (typeof choice === 'string')
    return ['auto', 'any', 'required', 'none'].includes(choice) ? undefined : choice;
  const fn = (choice as { function?: { name?: unknown } }).function;
  if (typeof fn?.name === 'string') return fn.name;
  if (typeof (choice as { name?: unknown }).name === 'string') return (choice as { name: string }).name;
  return undefined;
}

/** Throws unless `name` is one of the bound functions. */
function requireBound(functions: readonly SparkFunctionDefinition[], name: string): void {
  if (!functions.some((fn) => fn.name === name)) {
    throw new SparkInvalidRequestError(
      `tool_choice names "${name}", but the bound tools are: ${functions.map((fn) => fn.name).join(', ') || 'none'}.`,
      { field: 'tool_choice' },
    );
  }
}

/**
 * The functions to send over WebSocket for a `tool_choice`.
 *
 * @throws SparkInvalidRequestError when the choice names a tool that is not bound.
 */
export function selectFunctions(
  functions: readonly SparkFunctionDefinition[],
  choice: ToolChoice | undefined,
): SparkFunctionDefinition[] {
  if (choice === undefined) return [...functions];
  if (choice === 'none') return [];
  const name = chosenName(choice);
  if (name === undefined) return [...functions];
  requireBound(functions, name);
  return functions.filter((fn) => fn.name === name);
}

/**
 * The sentence appended to the last user turn so that a forced `tool_choice` is asked of the model
 * over WebSocket, or `undefined` when the choice forces nothing (no choice, `'auto'`, `'none'`, or no
 * tools).
 */
export function toolChoiceInstruction(
  functions: readonly SparkFunctionDefinition[],
  choice: ToolChoice | undefined,
): string | undefined {
  if (choice === undefined || choice === 'auto' || choice === 'none' || functions.length === 0)
    return undefined;
  const name = chosenName(choice);
  if (name !== undefined) return `Answer by calling the function "${name}"; do not answer in text.`;
  if (choice === 'any' || choice === 'required') {
    return 'Answer by calling one of the functions you were given; do not answer in text.';
  }
  return undefined;
}

/**
 * LangChain's `tool_choice` as core's `toolChoice`, sent as `tool_choice` over HTTP: `'auto'` and
 * `'none'` as they are, `'any'` and `'required'` as `'required'`, a tool name or an OpenAI-style
 * `{ type: 'function', function: { name } }` as `{ name }`. `undefined` without a choice or tools.
 *
 * @throws SparkInvalidRequestError when the choice names a tool that is not bound.
 */
export function toSparkToolChoice(
  functions: readonly SparkFunctionDefinition[],
  choice: ToolChoice | undefined,
): SparkToolChoice | undefined {
  if (choice === undefined || functions.length === 0) return undefined;
  if (choice === 'auto' || choice === 'none') return choice;
  if (choice === 'any' || choice === 'required') return 'required';
  const name = chosenName(choice);
  if (name === undefined) return undefined;
  requireBound(functions, name);
  return { name };
}
