import { HumanMessage, ToolMessage } from '@langchain/core/messages';
import { tool } from '@langchain/core/tools';
import { useMockSpark } from '@xinghuo/mock-server/vitest';
import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { eventually } from '../../../test-support/eventually';
import { mockModel, receivedFrame, receivedMessages } from './helpers/mock-model';

const getMock = useMockSpark();

afterEach(async () => {
  expect(await eventually(() => getMock().openSockets() === 0)).toBe(true);
});

const getWeather = tool(async ({ city }: { city: string }) => `${city}：晴，25°C`, {
  name: 'get_weather',
  description: '查询城市天气',
  schema: z.object({ city: z.string().describe('城市名，比如合肥') }),
});

describe('tools against the mock server', () => {
  it('sends bound tools as Spark functions', async () => {
    const mock = getMock();
    mock.enqueue({ functionCall: false });
    await mockModel(mock)
      .bindTools([
        getWeather,
        {
          type: 'function',
          function: {
            name: 'add',
            description: 'Adds',
            parameters: { type: 'object', properties: { a: { type: 'number' } } },
          },
        },
        { name: 'echo', description: 'Echoes', schema: z.object({ text: z.string() }) },
      ])
      .invoke('hello');
    const functions = receivedFrame(mock, 0).payload.functions?.text ?? [];
    expect(functions.map((fn) => fn.name)).toEqual(['get_weather', 'add', 'echo']);
    expect(functions[0]?.parameters).toMatchObject({
      type: 'object',
      properties: { city: { type: 'string', description: '城市名，比如合肥' } },
      required: ['city'],
    });
  });

  it('runs a tool round trip: call, ToolMessage, final answer', async () => {
    const mock = getMock();
    const model = mockModel(mock).bindTools([getWeather]);
    mock.enqueue(
      { functionCall: { name: 'get_weather', arguments: { city: '合肥' } } },
      { functionCall: false },
    );

    const question = new HumanMessage('合肥今天天气怎么样？');
    const call = await model.invoke([question]);
    expect(call.tool_calls).toHaveLength(1);
    const toolCall = call.tool_calls![0]!;
    expect(toolCall).toMatchObject({ name: 'get_weather', args: { city: '合肥' } });
    expect(toolCall.id).toMatch(/^call_/);

    const result = await getWeather.invoke(toolCall);
    expect(result).toBeInstanceOf(ToolMessage);
    const answer = await model.invoke([question, call, result]);
    expect(answer.tool_calls).toEqual([]);
    expect(String(answer.content).length).toBeGreaterThan(0);

    expect(receivedMessages(mock, 1)).toEqual([
      { role: 'user', content: '合肥今天天气怎么样？' },
      { role: 'assistant', content: 'Calling function "get_weather" with arguments: {"city":"合肥"}' },
      {
        role: 'user',
        content: 'Function "get_weather" returned:\n合肥：晴，25°C\nUse this result to answer the question.',
      },
    ]);
  });

  it('follows the mock default rule: a question naming the function gets a call with placeholder arguments', async () => {
    const mock = getMock();
    const message = await mockModel(mock).bindTools([getWeather]).invoke('please use get_weather');
    expect(message.tool_calls?.[0]).toMatchObject({ name: 'get_weather', args: { city: '示例' } });
    expect(message.response_metadata.finish_reason).toBe('tool_calls');
  });

  it('streams a tool call as one tool_call_chunk', async () => {
    const mock = getMock();
    mock.enqueue({ functionCall: { name: 'get_weather', arguments: { city: '上海' } } });
    const chunks = [];
    for await (const chunk of await mockModel(mock).bindTools([getWeather]).stream('天气'))
      chunks.push(chunk);
    const withCalls = chunks.filter((chunk) => (chunk.tool_call_chunks ?? []).length > 0);
    expect(withCalls).toHaveLength(1);
    const whole = chunks.reduce((left, right) => left.concat(right));
    expect(whole.tool_calls).toMatchObject([{ name: 'get_weather', args: { city: '上海' } }]);
  });

  it('reports a call with invalid JSON arguments in invalid_tool_calls', async () => {
    const mock = getMock();
    mock.enqueue({ functionCall: { name: 'get_weather', arguments: '{"city": 合肥}' } });
    const message = await mockModel(mock).bindTools([getWeather]).invoke('天气');
    expect(message.tool_calls).toEqual([]);
    expect(message.invalid_tool_calls).toMatchObject([{ name: 'get_weather', args: '{"city": 合肥}' }]);
  });

  it("sends no functions for tool_choice 'none' and only the named one for a tool name", async () => {
    const mock = getMock();
    const echo = {
      name: 'echo',
      description: 'Echoes',
      parameters: { type: 'object' as const, properties: {} },
    };
    const model = mockModel(mock);
    await model.bindTools([getWeather, echo], { tool_choice: 'none' }).invoke('hi');
    await model.bindTools([getWeather, echo], { tool_choice: 'echo' }).invoke('hi');
    expect(receivedFrame(mock, 0).payload.functions).toBeUndefined();
    expect(receivedFrame(mock, 1).payload.functions?.text.map((fn) => fn.name)).toEqual(['echo']);
  });
});
