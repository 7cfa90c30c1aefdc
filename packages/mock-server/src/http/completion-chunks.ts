import type { PlanAction } from '../answer/plan.js';
import type { MockScenario } from '../scenarios.js';
import type { UsagePlacement } from './http-routes.js';

/** One step of an HTTP answer: an SSE event's data, the end of the stream, or a fault. */
export type HttpStep =
  | { type: 'chunk'; data: Record<string, unknown> }
  | { type: 'business-error'; data: { code: number; message: string; sid: string } }
  | { type: 'raw'; text: string }
  | { type: 'done' }
  | { type: 'end' }
  | { type: 'drop' }
  | { type: 'stall' };

/** What the translation needs besides the plan. */
export interface ChunkContext {
  sid: string;
  /** Seconds since the epoch, for `created`. */
  created: number;
  usage: UsagePlacement;
  /** `tool_calls_switch: true`: `tool_calls` as an array instead of one object. */
  toolCallsArray: boolean;
}

/**
 * Translates the WebSocket answer plan (the one both faces share, so scripts, faults and usage
 * overrides mean the same thing) into OpenAI-style chunks (spec §6.4). A scripted `frames` list is
 * sent verbatim as SSE data, without an automatic `[DONE]`.
 */
export function httpSteps(
  plan: readonly PlanAction[],
  scenario: MockScenario,
  context: ChunkContext,
): HttpStep[] {
  if (scenario.frames !== undefined) {
    return [
      ...scenario.frames.map(
        (frame): HttpStep => ({
          type: 'raw',
          text: typeof frame === 'string' ? frame : JSON.stringify(frame),
        }),
      ),
      { type: 'end' },
    ];
  }
  const steps: HttpStep[] = [];
  let faulted = false;
  for (const action of plan) {
    if (action.type === 'drop' || action.type === 'stall') {
      steps.push({ type: action.type });
      return steps;
    }
    if (action.type === 'close') {
      // A stream ends with `[DONE]` only after a complete answer, never after a fault.
      if (!faulted) steps.push({ type: 'done' });
      steps.push({ type: 'end' });
      return steps;
    }
    const frame = parseFrame(action.text);
    if (frame === undefined) {
      faulted = true;
      steps.push({ type: 'raw', text: scenario.malformed?.raw ?? malformedChunk(context.sid) });
      continue;
    }
    const header = record(frame.header);
    if (typeof header.code === 'number' && header.code !== 0) {
      faulted = true;
      steps.push({
        type: 'business-error',
        data: { code: header.code, message: String(header.message ?? ''), sid: context.sid },
      });
      continue;
    }
    steps.push(...chunksOf(frame, context));
  }
  return steps;
}

function chunksOf(frame: Record<string, unknown>, context: ChunkContext): HttpStep[] {
  const payload = record(frame.payload);
  const base = { code: 0, message: 'Success', sid: context.sid, id: context.sid, created: context.created };
  const pluginText = record(payload.plugins).text;
  const plugin = record(Array.isArray(pluginText) ? pluginText[0] : undefined);
  if (payload.plugins !== undefined) {
    // How the HTTP API streams web-search sources is not documented; the mock mirrors the WebSocket
    // plugin frame in `delta.plugins_content` (unverified).
    return [
      {
        type: 'chunk',
        data: {
          ...base,
          choices: [
            {
              index: 0,
              delta: {
                role: 'assistant',
                content: '',
                plugins_content: [{ name: plugin.name, content: plugin.content }],
              },
            },
          ],
        },
      },
    ];
  }
  const choices = record(payload.choices);
  const item = record((choices.text as unknown[] | undefined)?.[0]);
  const delta: Record<string, unknown> = { role: 'assistant', content: String(item.content ?? '') };
  if (typeof item.reasoning_content === 'string') delta.reasoning_content = item.reasoning_content;
  const functionCall = record(item.function_call);
  const isCall = typeof functionCall.name === 'string';
  if (isCall) {
    const call = {
      id: `call_${context.sid.slice(3, 11)}`,
      type: 'function',
      function: { name: functionCall.name, arguments: functionCall.arguments },
    };
    delta.tool_calls = context.toolCallsArray ? [{ index: 0, ...call }] : call;
  }
  const isLast = choices.status === 2;
  const choice: Record<string, unknown> = { index: 0, delta };
  if (isLast) choice.finish_reason = isCall ? 'tool_calls' : 'stop';
  const wireUsage = record(record(payload.usage).text);
  const usage =
    wireUsage.total_tokens === undefined
      ? undefined
      : {
          prompt_tokens: wireUsage.prompt_tokens,
          completion_tokens: wireUsage.completion_tokens,
          total_tokens: wireUsage.total_tokens,
        };
  if (usage === undefined) return [{ type: 'chunk', data: { ...base, choices: [choice] } }];
  if (context.usage === 'last-chunk') return [{ type: 'chunk', data: { ...base, choices: [choice], usage } }];
  return [
    { type: 'chunk', data: { ...base, choices: [choice] } },
    { type: 'chunk', data: { ...base, choices: [], usage } },
  ];
}

/** The default malformed chunk: a chunk cut in the middle of its JSON. */
function malformedChunk(sid: string): string {
  return `{"code":0,"message":"Success","sid":"${sid}","choices":[{"delta":{"content":"`;
}

function parseFrame(text: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

function record(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {};
}

/**
 * Folds the chunks of a whole answer into one non-stream completion (spec §6.4): the message with its
 * text, reasoning, tool calls and sources, the finish reason and the usage.
 */
export function completionOf(steps: readonly HttpStep[], context: ChunkContext): Record<string, unknown> {
  const message: Record<string, unknown> = { role: 'assistant', content: '' };
  let content = '';
  let reasoning: string | undefined;
  let finishReason: unknown = 'stop';
  let usage: unknown;
  for (const step of steps) {
    if (step.type !== 'chunk') continue;
    if (step.data.usage !== undefined) usage = step.data.usage;
    const choice = record((step.data.choices as unknown[])[0]);
    const delta = record(choice.delta);
    if (typeof delta.content === 'string') content += delta.content;
    if (typeof delta.reasoning_content === 'string') reasoning = (reasoning ?? '') + delta.reasoning_content;
    if (delta.tool_calls !== undefined) message.tool_calls = delta.tool_calls;
    if (delta.plugins_content !== undefined) message.plugins_content = delta.plugins_content;
    if (choice.finish_reason !== undefined) finishReason = choice.finish_reason;
  }
  message.content = content;
  if (reasoning !== undefined) message.reasoning_content = reasoning;
  return {
    code: 0,
    message: 'Success',
    sid: context.sid,
    id: context.sid,
    created: context.created,
    choices: [{ index: 0, message, finish_reason: finishReason }],
    usage,
  };
}
