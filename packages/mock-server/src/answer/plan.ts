import type { ChatRequest } from '../chat-request.js';
import { estimateMockTokens } from '../estimate-mock-tokens.js';
import type { MockScenario, ScenarioRoute } from '../scenarios.js';
import { sparkError } from '../spark-errors.js';
import { deterministicAnswer, deterministicReasoning, lastUserContent } from './deterministic-answer.js';
import { choicesFrame, errorFrame, searchPluginFrame, type WireUsage } from './frames.js';
import { chooseFunction, placeholderArguments, type WireFunctionCall } from './function-call.js';
import { deterministicSearchResults } from './search-results.js';

/** One step of an answer: send a frame, close normally, destroy the socket, or go silent. */
export type PlanAction =
  | { type: 'send'; text: string }
  | { type: 'close' }
  | { type: 'drop' }
  | { type: 'stall' };

/** Inputs of `buildPlan` besides the request and scenario. */
export interface PlanContext {
  route: ScenarioRoute;
  sid: string;
  chunkChars: number;
}

/**
 * Turns a validated request and its scenario into the exact frames to send, in order. Pure and
 * synchronous, so both faces (ws server and msw) play the same answer.
 */
export function buildPlan(request: ChatRequest, scenario: MockScenario, context: PlanContext): PlanAction[] {
  if (scenario.frames !== undefined) {
    return [
      ...scenario.frames.map(
        (frame): PlanAction => ({
          type: 'send',
          text: typeof frame === 'string' ? frame : JSON.stringify(frame),
        }),
      ),
      { type: 'close' },
    ];
  }
  const frames = answerFrames(request, scenario, context);
  const fault = faultOf(scenario, context.sid);
  if (fault === undefined) {
    return [...frames.map((text): PlanAction => ({ type: 'send', text })), { type: 'close' }];
  }
  const sent = Math.min(fault.afterFrames, frames.length - 1);
  return [...frames.slice(0, sent).map((text): PlanAction => ({ type: 'send', text })), ...fault.actions];
}

function faultOf(
  scenario: MockScenario,
  sid: string,
): { afterFrames: number; actions: PlanAction[] } | undefined {
  if (scenario.error !== undefined) {
    const error = sparkError(scenario.error.code, undefined);
    const message = scenario.error.message ?? error.message;
    return {
      afterFrames: scenario.error.afterFrames ?? 0,
      actions: [
        { type: 'send', text: errorFrame(sid, { code: scenario.error.code, message }) },
        { type: 'close' },
      ],
    };
  }
  if (scenario.malformed !== undefined) {
    const raw =
      scenario.malformed.raw ?? `{"header":{"code":0,"message":"Success","sid":"${sid}","status":1},"payl`;
    return {
      afterFrames: scenario.malformed.afterFrames ?? 0,
      actions: [{ type: 'send', text: raw }, { type: 'close' }],
    };
  }
  if (scenario.drop !== undefined)
    return { afterFrames: scenario.drop.afterFrames ?? 1, actions: [{ type: 'drop' }] };
  if (scenario.stall !== undefined) {
    return { afterFrames: scenario.stall.afterFrames ?? 0, actions: [{ type: 'stall' }] };
  }
  return undefined;
}

function answerFrames(request: ChatRequest, scenario: MockScenario, context: PlanContext): string[] {
  const { sid } = context;
  const promptTokens = request.messages.reduce(
    (sum, message) => sum + estimateMockTokens(message.content),
    0,
  );
  const questionTokens = estimateMockTokens(lastUserContent(request.messages));
  const usageFor = (completionTokens: number): WireUsage => {
    const override = scenario.usage ?? {};
    const prompt = override.promptTokens ?? promptTokens;
    const completion = override.completionTokens ?? completionTokens;
    return {
      question_tokens: override.questionTokens ?? questionTokens,
      prompt_tokens: prompt,
      completion_tokens: completion,
      total_tokens: override.totalTokens ?? prompt + completion,
    };
  };

  const functionCall = functionCallOf(request, scenario);
  if (functionCall !== undefined) {
    // Spec §4.3: a function call is a single frame with status 2 and no completion tokens.
    return [
      choicesFrame({ sid, headerStatus: 2, choicesStatus: 2, seq: 0, functionCall, usage: usageFor(0) }),
    ];
  }

  const frames: string[] = [];
  const searchResults =
    scenario.searchResults ??
    (request.webSearch?.enable && request.webSearch.showRefLabel
      ? deterministicSearchResults(lastUserContent(request.messages))
      : undefined);
  if (searchResults !== undefined) frames.push(searchPluginFrame(sid, searchResults));

  const reasoning =
    scenario.reasoning ??
    (context.route.reasoning && request.thinking !== 'disabled'
      ? deterministicReasoning(request.messages)
      : '');
  const text = scenario.text ?? deterministicAnswer(request.messages);
  const chunkChars = Math.max(1, Math.floor(context.chunkChars));
  const deltas = [
    ...chunk(reasoning, chunkChars).map((part) => ({ reasoningContent: part })),
    ...chunk(text, chunkChars).map((part) => ({ content: part })),
  ];
  // Even an empty answer ends with one status-2 frame carrying the usage.
  if (deltas.length === 0) deltas.push({ content: '' });
  const usage = usageFor(estimateMockTokens(reasoning) + estimateMockTokens(text));
  deltas.forEach((delta, index) => {
    const isFirst = index === 0 && frames.length === 0;
    const isLast = index === deltas.length - 1;
    const fields = {
      sid,
      headerStatus: isLast ? 2 : isFirst ? 0 : 1,
      choicesStatus: isLast ? 2 : index === 0 ? 0 : 1,
      seq: index,
      ...delta,
    } as const;
    frames.push(choicesFrame(isLast ? { ...fields, usage } : fields));
  });
  return frames;
}

function functionCallOf(request: ChatRequest, scenario: MockScenario): WireFunctionCall | undefined {
  if (scenario.functionCall === false) return undefined;
  if (scenario.functionCall !== undefined) {
    const { name, arguments: args } = scenario.functionCall;
    return { name, arguments: typeof args === 'string' ? args : JSON.stringify(args) };
  }
  if (scenario.text !== undefined) return undefined;
  const chosen = chooseFunction(request.functions, request.messages);
  if (chosen === undefined) return undefined;
  return { name: chosen.name, arguments: JSON.stringify(placeholderArguments(chosen)) };
}

/** Splits text into pieces of `size` code points, never cutting a surrogate pair. */
function chunk(text: string, size: number): string[] {
  const characters = Array.from(text);
  const pieces: string[] = [];
  for (let start = 0; start < characters.length; start += size) {
    pieces.push(characters.slice(start, start + size).join(''));
  }
  return pieces;
}
