/**
 * The functions the page itself implements, to show a whole function-calling round trip over HTTP:
 * the model asks for a call, the page runs it here and sends the result back as a `tool` turn, and the
 * model answers with it. The arguments come from the network, so they are checked and bounded like any
 * other untrusted input; the results are demo data, not a weather service.
 */
import type { FunctionCall } from '@xinghuo/browser';
import type { ToolResult } from '../types';

/** Longest argument string a demo tool uses; the rest is cut. */
const MAX_ARGUMENT_CHARS = 80;

function textArgument(call: FunctionCall, name: string): string | undefined {
  const parsed = call.parsedArguments;
  if (typeof parsed !== 'object' || parsed === null) return undefined;
  const value = (parsed as Record<string, unknown>)[name];
  return typeof value === 'string' ? value.trim().slice(0, MAX_ARGUMENT_CHARS) : undefined;
}

/** A small stable number from a string, so the same city always gets the same demo weather. */
function hashOf(text: string): number {
  let hash = 0;
  for (const character of text) hash = (hash * 31 + (character.codePointAt(0) ?? 0)) % 9973;
  return hash;
}

const CONDITIONS = ['sunny', 'cloudy', 'light rain', 'overcast'] as const;

/** The demo tools by function name. Each returns the JSON text sent back to the model. */
const DEMO_TOOLS: Readonly<Record<string, (call: FunctionCall, now: Date) => string>> = {
  get_weather: (call) => {
    const location = textArgument(call, 'location') ?? textArgument(call, 'city') ?? 'unknown';
    const hash = hashOf(location);
    return JSON.stringify({
      location,
      condition: CONDITIONS[hash % CONDITIONS.length],
      celsius: 12 + (hash % 17),
      source: 'playground demo data',
    });
  },
  get_current_time: (_call, now) =>
    JSON.stringify({
      iso: now.toISOString(),
      timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone,
    }),
};

/** The names of the functions the page can run. */
export const DEMO_TOOL_NAMES: readonly string[] = Object.keys(DEMO_TOOLS);

/**
 * Runs the demo tool of every call, or returns `undefined` when any call names a function the page
 * does not implement (the card then shows the call, as over WebSocket).
 */
export function runDemoTools(calls: readonly FunctionCall[], now = new Date()): ToolResult[] | undefined {
  if (calls.length === 0) return undefined;
  const results: ToolResult[] = [];
  for (const call of calls) {
    const tool = Object.hasOwn(DEMO_TOOLS, call.name) ? DEMO_TOOLS[call.name] : undefined;
    if (!tool) return undefined;
    results.push({ name: call.name, content: tool(call, now) });
  }
  return results;
}
