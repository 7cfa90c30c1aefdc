/**
 * The tools the HTTP tests offer (the mock's default tool scripts call them), and the two-turn tool loop
 * those tests run: ask, run the one tool call, send its result back as a tool turn, read the answer.
 */
import { type AIMessage, type BaseMessage, HumanMessage } from '@langchain/core/messages';
import { tool } from '@langchain/core/tools';
import { z } from 'zod';

/** `get_weather` and `get_time` for a city; `calls` records each call as `weather:<city>` or `time:<city>`. */
export function cityTools() {
  const calls: string[] = [];
  const getWeather = tool(
    async ({ city }) => {
      calls.push(`weather:${city}`);
      return `${city}：晴，25°C`;
    },
    { name: 'get_weather', description: '查询城市天气', schema: z.object({ city: z.string().min(1) }) },
  );
  const getTime = tool(
    async ({ city }) => {
      calls.push(`time:${city}`);
      return `${city}：10:00`;
    },
    { name: 'get_time', description: '查询城市时间', schema: z.object({ city: z.string().min(1) }) },
  );
  return { getWeather, getTime, calls };
}

/** What `model` must be: a chat model with `getWeather` bound. */
interface ToolModel {
  invoke(messages: BaseMessage[]): Promise<unknown>;
}

/**
 * Asks `model` (with `getWeather` bound) for Hefei's weather, runs the first tool call it makes and sends
 * the result back. Returns the first reply, its call and the final answer, for the test to check.
 */
export async function weatherToolLoop(
  model: ToolModel,
  getWeather: ReturnType<typeof cityTools>['getWeather'],
) {
  const messages: BaseMessage[] = [new HumanMessage('合肥今天天气怎么样？')];
  const first = (await model.invoke(messages)) as AIMessage;
  const call = first.tool_calls?.[0];
  messages.push(first, await getWeather.invoke(call as NonNullable<typeof call>));
  const answer = (await model.invoke(messages)) as AIMessage;
  return { first, call, answer };
}
