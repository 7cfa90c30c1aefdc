/**
 * Tools against the mock Spark server: an agent loop that runs the tool and answers from its result,
 * and `toolChoice`: emulated over WebSocket, native (`tool_choice`) over HTTP.
 */
import { recordedHttpBody } from '@xinghuo/mock-server';
import { useMockSpark } from '@xinghuo/mock-server/vitest';
import { generateText, stepCountIs, tool } from 'ai';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { mockHttpProvider, mockProvider, receivedMessages } from './helpers/mock-provider';

const weather = tool({
  description: '查询城市天气',
  inputSchema: z.object({ city: z.string().describe('城市名') }),
  execute: async ({ city }) => ({ city, temperature: 21, sky: '晴' }),
});
const time = tool({
  description: 'Current time of a city',
  inputSchema: z.object({ city: z.string() }),
  execute: async () => '10:00',
});

describe('tools', () => {
  const mock = useMockSpark();

  it('runs a tool loop: Spark calls the tool, gets its result and answers from it', async () => {
    // Scripted like Spark: a function call first; once the result is in the conversation, text that uses it.
    mock().use(({ request }) => {
      const last = request.messages.at(-1)?.content ?? '';
      const result = /Function "weather" returned:\n(.*)\n/.exec(last)?.[1];
      if (result === undefined) return { functionCall: { name: 'weather', arguments: '{"city":"北京"}' } };
      const { temperature, sky } = JSON.parse(result) as { temperature: number; sky: string };
      return { text: `北京现在${sky}，${temperature} 度。` };
    });
    let executed = 0;
    const result = await generateText({
      model: mockProvider(mock())('max'),
      tools: {
        weather: tool({
          description: '查询城市天气',
          inputSchema: z.object({ city: z.string().describe('城市名') }),
          execute: async ({ city }) => {
            executed += 1;
            return { city, temperature: 21, sky: '晴' };
          },
        }),
        time,
      },
      stopWhen: stepCountIs(3),
      prompt: '北京天气怎么样？',
    });

    expect(executed).toBe(1);
    expect(result.steps).toHaveLength(2);
    expect(result.steps[0]?.finishReason).toBe('tool-calls');
    expect(result.steps[0]?.toolCalls).toMatchObject([{ toolName: 'weather', input: { city: '北京' } }]);
    expect(result.steps[0]?.toolResults).toMatchObject([
      { output: { city: '北京', temperature: 21, sky: '晴' } },
    ]);
    expect(result.text).toBe('北京现在晴，21 度。');
    expect(result.finishReason).toBe('stop');

    // The second request carries the call and its result as conversation turns, and both functions.
    expect(receivedMessages(mock(), 1)).toEqual([
      { role: 'user', content: '北京天气怎么样？' },
      { role: 'assistant', content: 'Calling function "weather" with arguments: {"city":"北京"}' },
      {
        role: 'user',
        content:
          'Function "weather" returned:\n{"city":"北京","temperature":21,"sky":"晴"}\nUse this result to answer the question.',
      },
    ]);
    expect(mock().requests[1]?.request?.functions.map((fn) => fn.name)).toEqual(['weather', 'time']);
    expect(mock().requests[0]?.request?.functions[0]).toMatchObject({
      name: 'weather',
      description: '查询城市天气',
      parameters: {
        type: 'object',
        properties: { city: { type: 'string', description: '城市名' } },
        required: ['city'],
      },
    });
  });

  it("sends no functions for toolChoice 'none', without a warning", async () => {
    const result = await generateText({
      model: mockProvider(mock())('max'),
      tools: { weather, time },
      toolChoice: 'none',
      prompt: 'weather 北京',
    });
    expect(mock().requests[0]?.request?.functions).toEqual([]);
    expect(result.warnings).toEqual([]);
  });

  it('emulates a forced tool: only that function is sent, the prompt asks for it, and a warning says so', async () => {
    const result = await generateText({
      model: mockProvider(mock())('max'),
      tools: { weather, time },
      toolChoice: { type: 'tool', toolName: 'time' },
      stopWhen: stepCountIs(1),
      prompt: '现在几点？',
    });
    expect(mock().requests[0]?.request?.functions.map((fn) => fn.name)).toEqual(['time']);
    expect(receivedMessages(mock(), 0).at(-1)?.content).toBe(
      '现在几点？\n\nAnswer by calling the function "time"; do not answer in text.',
    );
    expect(result.warnings).toMatchObject([{ type: 'compatibility', feature: 'toolChoice' }]);
  });

  it("emulates 'required' with every function and a warning", async () => {
    // The AI SDK itself rejects a text answer to 'required' (ToolChoiceViolationError); Spark calls here.
    mock().enqueue({ functionCall: { name: 'time', arguments: '{"city":"北京"}' } });
    const result = await generateText({
      model: mockProvider(mock())('max'),
      tools: { weather, time },
      toolChoice: 'required',
      stopWhen: stepCountIs(1),
      prompt: '帮我查一下',
    });
    expect(mock().requests[0]?.request?.functions.map((fn) => fn.name)).toEqual(['weather', 'time']);
    expect(receivedMessages(mock(), 0).at(-1)?.content).toMatch(/Answer by calling one of the functions/);
    expect(result.toolResults).toMatchObject([{ toolName: 'time', output: '10:00' }]);
    expect(result.warnings).toMatchObject([{ type: 'compatibility', feature: 'toolChoice' }]);
  });
});

describe('toolChoice over HTTP: sent as tool_choice, without a warning', () => {
  const mock = useMockSpark();
  const tools = { weather, time };

  it("'auto' lets the model decide: it calls the tool the question is about", async () => {
    const result = await generateText({
      model: mockHttpProvider(mock())('max'),
      tools,
      toolChoice: 'auto',
      prompt: '北京天气怎么样？',
    });
    expect(recordedHttpBody(mock().requests[0]).tool_choice).toBe('auto');
    expect(result.toolCalls.map((call) => call.toolName)).toEqual(['weather']);
    expect(result.warnings).toEqual([]);
  });

  it("'none' sends the tools and tool_choice none; the model answers in text", async () => {
    const result = await generateText({
      model: mockHttpProvider(mock())('max'),
      tools,
      toolChoice: 'none',
      prompt: 'weather 北京',
    });
    const body = recordedHttpBody(mock().requests[0]);
    expect(body.tool_choice).toBe('none');
    expect(mock().requests[0]?.request?.functions.map((fn) => fn.name)).toEqual(['weather', 'time']);
    expect(result.toolCalls).toEqual([]);
    expect(result.text).not.toBe('');
    expect(result.finishReason).toBe('stop');
    expect(result.warnings).toEqual([]);
  });

  it("'required' forces a call where the model would have answered in text, with no prompt added", async () => {
    const model = mockHttpProvider(mock())('max');
    const free = await generateText({ model, tools, prompt: '你好' });
    expect(free.toolCalls).toEqual([]);

    const result = await generateText({ model, tools, toolChoice: 'required', prompt: '你好' });
    const body = recordedHttpBody(mock().requests[1]);
    expect(body.tool_choice).toBe('required');
    expect(body.messages).toEqual([{ role: 'user', content: '你好' }]);
    expect(result.toolCalls).toHaveLength(1);
    expect(result.finishReason).toBe('tool-calls');
    expect(result.warnings).toEqual([]);
  });

  it('a named tool is forced as {type: function, function: {name}}, every tool still sent', async () => {
    const result = await generateText({
      model: mockHttpProvider(mock())('max'),
      tools,
      toolChoice: { type: 'tool', toolName: 'time' },
      prompt: '北京天气怎么样？',
    });
    const body = recordedHttpBody(mock().requests[0]);
    expect(body.tool_choice).toEqual({ type: 'function', function: { name: 'time' } });
    expect(mock().requests[0]?.request?.functions.map((fn) => fn.name)).toEqual(['weather', 'time']);
    expect(body.messages).toEqual([{ role: 'user', content: '北京天气怎么样？' }]);
    expect(result.toolCalls).toMatchObject([{ toolName: 'time' }]);
    expect(result.toolResults).toMatchObject([{ toolName: 'time', output: '10:00' }]);
    expect(result.warnings).toEqual([]);
  });
});
