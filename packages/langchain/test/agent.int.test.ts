/**
 * ChatSpark under LangChain v1's `createAgent` against the mock Spark server: a tool loop with two
 * tools, and the summarisation middleware triggered by the 8K context window from `profile`.
 */
import { AIMessage, HumanMessage, ToolMessage } from '@langchain/core/messages';
import { tool } from '@langchain/core/tools';
import { useMockSpark } from '@xinghuo/mock-server/vitest';
import { type AgentMiddleware, createAgent, summarizationMiddleware } from 'langchain';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { mockModel, receivedMessages } from './helpers/mock-model';

describe('createAgent with ChatSpark', () => {
  const mock = useMockSpark();

  it('calls a tool, gets its result and answers from it', async () => {
    // The default mock calls a function whose name the last user turn mentions; once the turn carries
    // a function's result, this handler answers in text from it (the mock's default would call again).
    mock().use(({ request }) => {
      const result = /Function "get_weather" returned:\n(.*)\n/.exec(
        request.messages.at(-1)?.content ?? '',
      )?.[1];
      return result === undefined ? undefined : { text: `合肥今天${result}。` };
    });
    const calls: string[] = [];
    const getWeather = tool(
      async ({ city }) => {
        calls.push(city);
        return '晴，21 度';
      },
      { name: 'get_weather', description: 'Weather of a city', schema: z.object({ city: z.string() }) },
    );
    const getTime = tool(async () => '10:00', {
      name: 'get_time',
      description: 'Current time',
      schema: z.object({}),
    });
    const agent = createAgent({ model: mockModel(mock()), tools: [getWeather, getTime] });

    const { messages } = await agent.invoke({ messages: [new HumanMessage('get_weather 合肥')] });

    // The default mock fills the required argument with its placeholder.
    expect(calls).toEqual(['示例']);
    expect(messages.map((message) => message.getType())).toEqual(['human', 'ai', 'tool', 'ai']);
    expect((messages[1] as AIMessage).tool_calls).toMatchObject([
      { name: 'get_weather', args: { city: '示例' } },
    ]);
    expect(ToolMessage.isInstance(messages[2]) && messages[2].content).toBe('晴，21 度');
    expect(messages[3]?.content).toBe('合肥今天晴，21 度。');
    expect(mock().requests).toHaveLength(2);
    expect(mock().requests[0]?.request?.functions.map((fn) => fn.name)).toEqual(['get_weather', 'get_time']);
  });

  it('summarises when the history passes half of the 8K window the profile reports', async () => {
    const words = (count: number, word: string) => Array.from({ length: count }, () => word).join(' ');
    // About 5,000 tokens by LangChain's approximate count (and the mock's estimate): over 4,096 = 0.5 × 8,192.
    const history = [
      new HumanMessage(words(1000, 'alpha')),
      new AIMessage(words(1000, 'bravo')),
      new HumanMessage(words(1000, 'charlie')),
      new AIMessage(words(1000, 'delta')),
      new HumanMessage('What did we talk about?'),
    ];
    mock().use(({ request }) =>
      /Context Extraction Assistant/.test(request.messages.at(-1)?.content ?? '')
        ? { text: 'We listed alpha, bravo, charlie and delta.' }
        : { text: 'About four words.' },
    );
    // langchain's middleware types do not compile under this repository's exactOptionalPropertyTypes
    // (its zod 3 schema types), hence the casts; the values are checked by the middleware at run time.
    const middleware = (model: ReturnType<typeof mockModel>) =>
      summarizationMiddleware({
        model,
        trigger: { fraction: 0.5 },
        keep: { messages: 1 },
      } as never) as unknown as AgentMiddleware;

    const model = mockModel(mock(), { model: 'generalv3.5' });
    const agent = createAgent({ model, tools: [], middleware: [middleware(model)] });
    const { messages } = await agent.invoke({ messages: history });

    expect(mock().requests).toHaveLength(2);
    expect(receivedMessages(mock(), 0).at(-1)?.content).toMatch(/Context Extraction Assistant/);
    // The summary (a human message) and the kept question are one user turn on the wire.
    expect(receivedMessages(mock(), 1)).toEqual([
      {
        role: 'user',
        content:
          'Here is a summary of the conversation to date:\n\nWe listed alpha, bravo, charlie and delta.\n\nWhat did we talk about?',
      },
    ]);
    expect(messages.at(-1)?.content).toBe('About four words.');

    // The same history on a 128K model stays under its trigger: no summary, one request.
    mock().reset();
    mock().use(() => ({ text: 'About four words.' }));
    const large = mockModel(mock(), { model: 'pro-128k' });
    await createAgent({ model: large, tools: [], middleware: [middleware(large)] }).invoke({
      messages: history,
    });
    expect(mock().requests).toHaveLength(1);
    expect(receivedMessages(mock(), 0)).toHaveLength(5);
  });
});
