import { describe, expect, it } from 'vitest';
import { recognizeToolResult } from './tool-result.js';

const question = { role: 'user', content: '合肥今天天气怎么样？' };
const call = { role: 'assistant', content: 'Calling function "get_weather" with arguments: {"city":"合肥"}' };

describe('recognizeToolResult', () => {
  it("reads ChatSpark's default tool-result turn: name and result, without the surrounding sentences", () => {
    const result = {
      role: 'user',
      content: 'Function "get_weather" returned:\n合肥：晴，25°C\nUse this result to answer the question.',
    };
    expect(recognizeToolResult([question, call, result])).toEqual({
      name: 'get_weather',
      content: '合肥：晴，25°C',
    });
  });

  it('reads a failed call and a result without a name', () => {
    const failed = {
      role: 'user',
      content: 'Function "lookup" failed with:\ntimeout\nUse this result to answer the question.',
    };
    expect(recognizeToolResult([question, failed])).toEqual({ name: 'lookup', content: 'timeout' });
    const anonymous = {
      role: 'user',
      content: 'The function call returned:\n42\nUse this result to answer the question.',
    };
    expect(recognizeToolResult([question, anonymous])).toEqual({ name: undefined, content: '42' });
  });

  it('takes a function or tool role as a tool result', () => {
    expect(recognizeToolResult([question, { role: 'function', content: '晴' }])).toEqual({
      name: undefined,
      content: '晴',
    });
    expect(recognizeToolResult([question, { role: 'tool', content: '晴' }])?.content).toBe('晴');
  });

  it('takes any user turn right after an announced call as its result (custom result wording)', () => {
    expect(recognizeToolResult([question, call, { role: 'user', content: '工具结果：晴' }])).toEqual({
      name: 'get_weather',
      content: '工具结果：晴',
    });
  });

  it('does not take an ordinary question, or a new question after the answer, for a tool result', () => {
    expect(recognizeToolResult([question])).toBeUndefined();
    expect(recognizeToolResult([])).toBeUndefined();
    const followUp = [
      question,
      call,
      { role: 'user', content: 'Function "get_weather" returned:\n晴' },
      { role: 'assistant', content: '合肥今天晴。' },
      { role: 'user', content: '明天呢？' },
    ];
    expect(recognizeToolResult(followUp)).toBeUndefined();
    expect(
      recognizeToolResult([{ role: 'user', content: 'What does a function "x" returned: mean?' }]),
    ).toBeUndefined();
  });
});
