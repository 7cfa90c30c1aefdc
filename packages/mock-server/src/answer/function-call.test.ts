import { describe, expect, it } from 'vitest';
import type { WireFunction } from '../chat-request.js';
import { chooseFunction, placeholderArguments } from './function-call.js';

const weather: WireFunction = {
  name: 'get_weather',
  description: '查询城市天气',
  parameters: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] },
};
const stock: WireFunction = {
  name: 'stock_price',
  description: 'Look up the latest stock price of a company',
};
const user = (content: string) => ({ role: 'user', content });

describe('chooseFunction', () => {
  it('calls the function the question names, even among several', () => {
    expect(chooseFunction([stock, weather], [user('请调用 GET_WEATHER')])).toBe(weather);
  });

  it('calls the only function sent whatever the question', () => {
    expect(chooseFunction([weather], [user('你好')])).toBe(weather);
  });

  it('among several, calls the one whose description matches the question, else none', () => {
    expect(chooseFunction([stock, weather], [user('合肥今天天气怎么样？')])).toBe(weather);
    expect(chooseFunction([weather, stock], [user("What's the stock price of iFlytek?")])).toBe(stock);
    expect(chooseFunction([weather, stock], [user('你好')])).toBeUndefined();
  });

  it('calls nothing without functions or once the last turn is a tool result', () => {
    expect(chooseFunction([], [user('get_weather')])).toBeUndefined();
    const afterResult = [
      user('get_weather 合肥'),
      { role: 'assistant', content: 'Calling function "get_weather" with arguments: {"city":"合肥"}' },
      user('Function "get_weather" returned:\n晴\nUse this result to answer the question.'),
    ];
    expect(chooseFunction([weather], afterResult)).toBeUndefined();
  });
});

describe('placeholderArguments', () => {
  it('gives every required parameter a value of its type', () => {
    expect(placeholderArguments(weather)).toEqual({ city: '示例' });
    expect(placeholderArguments(stock)).toEqual({});
  });
});
