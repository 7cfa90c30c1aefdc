import { chooseFunction, placeholderArguments } from '../answer/function-call.js';
import type { MockScenario } from '../scenarios.js';
import type { ChatCompletionRequest } from './chat-completion-request.js';

/**
 * Applies `tool_choice` to the default function-call rule (a scenario's own `functionCall` or `text`
 * wins): `none` never calls; a named function is called with placeholder arguments; `required` calls
 * the function the default rule picks, or the first one when it picks none; `auto` leaves the rule.
 */
export function withToolChoice(request: ChatCompletionRequest, scenario: MockScenario): MockScenario {
  const choice = request.toolChoice;
  if (choice === undefined || choice === 'auto') return scenario;
  if (scenario.functionCall !== undefined || scenario.text !== undefined) return scenario;
  if (choice === 'none') return { ...scenario, functionCall: false };
  const chosen =
    choice === 'required'
      ? (chooseFunction(request.functions, request.messages) ?? request.functions[0])
      : request.functions.find((definition) => definition.name === choice);
  if (chosen === undefined) return scenario;
  return { ...scenario, functionCall: { name: chosen.name, arguments: placeholderArguments(chosen) } };
}
