/**
 * ChatSpark against the mock's DEFAULT behaviour (nothing enqueued, no handler): the loops LangChain
 * users write must finish. An agent calls its tool, gets the result back, and answers in text;
 * `withStructuredOutput` returns a value its schema accepts.
 */
import { type AIMessage, type BaseMessage, HumanMessage } from '@langchain/core/messages';
import { tool } from '@langchain/core/tools';
import { useMockSpark } from '@xinghuo/mock-server/vitest';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { mockModel, receivedMessages } from './helpers/mock-model';

const getMock = useMockSpark();

afterEach(async () => {
  await vi.waitFor(() => expect(getMock().openSockets()).toBe(0));
});

function weatherTool() {
  const calls: Array<{ city: string; days: number }> = [];
  const getWeather = tool(
    async (input) => {
      calls.push(input);
      return `${input.city}：晴，25°C`;
    },
    {
      name: 'get_weather',
      description: '查询城市天气',
      schema: z.object({ city: z.string().min(1), days: z.number().int().positive() }),
    },
  );
  return { getWeather, calls };
}

/** The tool-calling loop every agent runs: call the model, run the tools it asks for, repeat. */
async function runAgentLoop(model: ReturnType<typeof mockModel>, question: string, maxTurns: number) {
  const { getWeather, calls } = weatherTool();
  const withTools = model.bindTools([getWeather]);
  const messages: BaseMessage[] = [new HumanMessage(question)];
  for (let turn = 0; turn < maxTurns; turn += 1) {
    const reply = (await withTools.invoke(messages)) as AIMessage;
    messages.push(reply);
    if (!reply.tool_calls?.length) return { messages, calls, answer: reply };
    for (const toolCall of reply.tool_calls) messages.push(await getWeather.invoke(toolCall));
  }
  throw new Error(`the agent loop did not finish within ${maxTurns} model calls`);
}

describe('an agent loop against the default mock', () => {
  it('calls the tool once with arguments its zod schema accepts, then answers in text from the result', async () => {
    const mock = getMock();
    const { messages, calls, answer } = await runAgentLoop(mockModel(mock), '合肥今天天气怎么样？', 5);
    expect(calls).toEqual([{ city: '示例', days: 1 }]);
    expect(messages.map((message) => message.getType())).toEqual(['human', 'ai', 'tool', 'ai']);
    expect(answer.text).toContain('示例：晴，25°C');
    expect(answer.response_metadata.finish_reason).toBe('stop');
    // What went over the wire the second time: the call as assistant text, the result as a user turn.
    expect(receivedMessages(mock, 1).at(-1)?.content).toMatch(/^Function "get_weather" returned:/);
  });
});

describe('createAgent from langchain against the default mock', () => {
  it('finishes: the agent calls the tool, gets the result and answers in text', async (context) => {
    // `langchain` (v1) is not a dependency of this repository yet; the test runs once it is installed.
    const specifier = 'langchain';
    const langchain = (await import(/* @vite-ignore */ specifier).catch(() => undefined)) as
      | {
          createAgent: (options: Record<string, unknown>) => {
            invoke: (input: unknown) => Promise<{ messages: BaseMessage[] }>;
          };
        }
      | undefined;
    if (langchain === undefined) {
      context.skip('the langchain package is not installed');
      return;
    }
    const { getWeather, calls } = weatherTool();
    const agent = langchain.createAgent({ model: mockModel(getMock()), tools: [getWeather] });
    const result = await agent.invoke({ messages: [{ role: 'user', content: '合肥今天天气怎么样？' }] });
    expect(calls).toHaveLength(1);
    expect(result.messages.map((message) => message.getType())).toEqual(['human', 'ai', 'tool', 'ai']);
    expect(result.messages.at(-1)?.text).toContain('晴，25°C');
  });
});

describe('withStructuredOutput against the default mock', () => {
  const Trip = z.object({ city: z.string(), days: z.number().int() });

  it('returns a value the schema accepts through function calling (Max)', async () => {
    const planner = mockModel(getMock(), { model: 'max' }).withStructuredOutput(Trip);
    await expect(planner.invoke('下周去合肥玩三天')).resolves.toEqual({ city: '示例', days: 1 });
  });

  it('returns a value the schema accepts through JSON mode (Lite), without a repair round', async () => {
    const mock = getMock();
    const planner = mockModel(mock, { model: 'lite' }).withStructuredOutput(Trip, { includeRaw: true });
    const { parsed } = await planner.invoke('下周去合肥玩三天');
    expect(parsed).toEqual({ city: '示例', days: 1 });
    expect(mock.requests).toHaveLength(1);
  });
});
