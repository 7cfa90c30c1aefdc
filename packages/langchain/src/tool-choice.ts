/**
 * LangChain's `tool_choice` on a protocol that has none.
 *
 * Spark's WebSocket API offers no way to force or forbid a call, so the choice is applied to the list
 * of functions sent: `'none'` sends none, a named tool sends only that one, and `'auto'`, `'any'` and
 * `'required'` send all (the model decides).
 */
import type { ToolChoice } from '@langchain/core/language_models/chat_models';
import { type SparkFunctionDefinition, SparkInvalidRequestError } from '@xinghuo/core';

function chosenName(choice: ToolChoice): string | undefined {
  if (typeof choice === 'string')
    return ['auto', 'any', 'required', 'none'].includes(choice) ? undefined : choice;
  const fn = (choice as { function?: { name?: unknown } }).function;
  if (typeof fn?.name === 'string') return fn.name;
  if (typeof (choice as { name?: unknown }).name === 'string') return (choice as { name: string }).name;
  return undefined;
}

/**
 * The functions to send for a `tool_choice`.
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
  const chosen = functions.filter((fn) => fn.name === name);
  if (chosen.length === 0) {
    throw new SparkInvalidRequestError(
      `tool_choice names "${name}", but the bound tools are: ${functions.map((fn) => fn.name).join(', ') || 'none'}.`,
      { field: 'tool_choice' },
    );
  }
  return chosen;
}
