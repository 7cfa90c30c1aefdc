/**
 * The sides of the HTTP comparison behind one signature: stream one answer (optionally with a tool
 * offered) and return its text and tool calls. Each side loads its client lazily, so a worker process
 * holds only its own side's modules and its peak RSS is its own.
 */
import {
  baselineHttpChat,
  type HttpAnswer,
  type HttpBaselineRequest,
  type WireToolCall,
} from './baseline-client';

/** What every side needs to reach the mock's HTTP face. */
export interface HttpTarget {
  /** The mock's HTTP base URL, e.g. `http://127.0.0.1:41234`. */
  httpURL: string;
  apiPassword: string;
}

/**
 * The model every side calls: Spark Lite on `/v1/chat/completions` (the endpoint whose `tool_calls`
 * openai-node is pointed at in the wild).
 */
export const HTTP_MODEL = { id: 'lite', path: '/v1/chat/completions' } as const;

/** What is asked: plain chat, or chat with one function offered (the mock then calls it). */
export type HttpScenario = 'text' | 'tools';

/** The one function of the tool scenario; the mock calls the only function it is offered. */
export const WEATHER_FUNCTION = {
  name: 'get_weather',
  description: 'Current weather of a city',
  parameters: {
    type: 'object' as const,
    properties: { city: { type: 'string', description: 'City name' } },
    required: ['city'],
  },
};

/** The same function as an OpenAI-style tool, for the clients that send the body themselves. */
export const WEATHER_TOOL = { type: 'function', function: WEATHER_FUNCTION } as const;

/** Streams one answer to `prompt`; failures resolve as an answer with `error` set, so they are counted. */
export type HttpStreamOnce = (prompt: string) => Promise<HttpAnswer & { error?: string }>;

/** `Name: message`, with the cause's (say, fetch's "other side closed") after a colon. */
function describe(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause = error.cause instanceof Error ? ` (${describe(error.cause)})` : '';
  return `${error.name}: ${error.message}${cause}`;
}

/** Runs `stream`, turning a failure into a counted, described answer. */
function counted(stream: (prompt: string) => Promise<HttpAnswer>): HttpStreamOnce {
  return async (prompt) => {
    try {
      return await stream(prompt);
    } catch (error) {
      return { text: '', toolCalls: [], error: describe(error).slice(0, 200) };
    }
  };
}

/** The request the hand-written client sends for `prompt` (the tool offered in the tool scenario). */
export function baselineHttpRequest(
  target: HttpTarget,
  scenario: HttpScenario,
  prompt: string,
): HttpBaselineRequest {
  return {
    url: `${target.httpURL}${HTTP_MODEL.path}`,
    apiPassword: target.apiPassword,
    model: HTTP_MODEL.id,
    messages: [{ role: 'user', content: prompt }],
    ...(scenario === 'tools' ? { tools: [WEATHER_TOOL] } : {}),
  };
}

/** The hand-written `fetch` + SSE client. */
export function baselineHttpSide(target: HttpTarget, scenario: HttpScenario): HttpStreamOnce {
  return counted((prompt) => baselineHttpChat(baselineHttpRequest(target, scenario, prompt)));
}

/**
 * A diagnostic, not a baseline: the hand-written client giving `fetch` an `AbortSignal` (a fresh,
 * never-aborted one per request), as any client that can be aborted or time out must. Node's `fetch`
 * registers each request that has a signal for garbage-collection tracking; this side shows what that
 * alone costs.
 */
export function baselineWithSignalHttpSide(target: HttpTarget, scenario: HttpScenario): HttpStreamOnce {
  return counted((prompt) =>
    baselineHttpChat(baselineHttpRequest(target, scenario, prompt), new AbortController().signal),
  );
}

/**
 * `@xinghuo/node` over HTTP with its defaults (retries, timeouts and all), consuming the event
 * stream. With functions it sends `tool_calls_switch: true` and gets `tool_calls` as an array;
 * `oneObject` sends `tool_calls_switch: false` (through `extra`), so it reads Spark's default
 * one-object form, as the other clients get it.
 */
export async function sdkHttpSide(
  target: HttpTarget,
  scenario: HttpScenario,
  oneObject = false,
): Promise<HttpStreamOnce> {
  const { createSparkClient } = await import('@xinghuo/node');
  const client = createSparkClient({
    protocol: 'http',
    apiPassword: target.apiPassword,
    baseURL: target.httpURL,
    defaultModel: HTTP_MODEL.id,
    env: {},
  });
  const tools =
    scenario === 'tools'
      ? { functions: [WEATHER_FUNCTION], ...(oneObject ? { extra: { tool_calls_switch: false } } : {}) }
      : {};
  return counted(async (prompt) => {
    const answer: HttpAnswer = { text: '', toolCalls: [] };
    for await (const event of client.stream({ messages: [{ role: 'user', content: prompt }], ...tools })) {
      if (event.type === 'text-delta') answer.text += event.text;
      else if (event.type === 'function-call') {
        answer.toolCalls.push({ name: event.functionCall.name, arguments: event.functionCall.arguments });
      }
    }
    return answer;
  });
}

/**
 * The `openai` package (v5) pointed at the mock's `/v1`, used the way its README streams: iterate
 * `chat.completions.create({ stream: true })`, append `delta.content`, and collect
 * `for (const call of delta.tool_calls ?? [])`, the loop of OpenAI's streaming tool-call guide.
 * Spark's default one-object `tool_calls` is not iterable, so that loop throws on it.
 */
export async function openaiSide(target: HttpTarget, scenario: HttpScenario): Promise<HttpStreamOnce> {
  const { default: OpenAI } = await import('openai');
  const client = new OpenAI({ apiKey: target.apiPassword, baseURL: `${target.httpURL}/v1`, maxRetries: 2 });
  return counted(async (prompt) => {
    const stream = await client.chat.completions.create({
      model: HTTP_MODEL.id,
      messages: [{ role: 'user', content: prompt }],
      stream: true,
      ...(scenario === 'tools' ? { tools: [WEATHER_TOOL] } : {}),
    });
    const answer: HttpAnswer = { text: '', toolCalls: [] };
    const calls: WireToolCall[] = [];
    for await (const chunk of stream) {
      const delta = chunk.choices[0]?.delta;
      answer.text += delta?.content ?? '';
      for (const call of delta?.tool_calls ?? []) {
        const slot = calls[call.index] ?? { name: '', arguments: '' };
        calls[call.index] = slot;
        slot.name += call.function?.name ?? '';
        slot.arguments += call.function?.arguments ?? '';
      }
    }
    answer.toolCalls = calls.filter((call) => call !== undefined);
    return answer;
  });
}
