import {
  AIMessage,
  ChatMessage,
  FunctionMessage,
  HumanMessage,
  SystemMessage,
  ToolMessage,
} from '@langchain/core/messages';
import { SparkInvalidRequestError } from '@xinghuo/core';
import { describe, expect, it } from 'vitest';
import { DEFAULT_TOOL_TURN_FORMAT, toSparkMessages } from './convert-messages';

describe('toSparkMessages', () => {
  it('over HTTP: tool calls stay on the assistant turn with their ids, results become tool turns', () => {
    const messages = [
      new HumanMessage('q'),
      new AIMessage({
        content: '',
        tool_calls: [
          { name: 'one', args: { x: 1 }, id: 'a', type: 'tool_call' },
          { name: 'two', args: {}, id: 'b', type: 'tool_call' },
        ],
      }),
      new ToolMessage({ content: '1', tool_call_id: 'a' }),
      new ToolMessage({ content: 'no', tool_call_id: 'b', status: 'error' }),
    ];
    expect(toSparkMessages(messages, undefined, 'http')).toEqual([
      { role: 'user', content: 'q' },
      {
        role: 'assistant',
        content: '',
        toolCalls: [
          { id: 'a', name: 'one', arguments: '{"x":1}' },
          { id: 'b', name: 'two', arguments: '{}' },
        ],
      },
      { role: 'tool', content: '1', toolCallId: 'a' },
      { role: 'tool', content: 'Error: no', toolCallId: 'b' },
    ]);
    // Over WebSocket the same history is conversation text, as before.
    expect(toSparkMessages(messages).map((message) => message.role)).toEqual(['user', 'assistant', 'user']);
  });

  it('keeps a leading system message and alternating turns as they are', () => {
    const messages = toSparkMessages([
      new SystemMessage('Be brief.'),
      new HumanMessage('Hi'),
      new AIMessage('Hello!'),
      new HumanMessage('Where is Hefei?'),
    ]);
    expect(messages).toEqual([
      { role: 'system', content: 'Be brief.' },
      { role: 'user', content: 'Hi' },
      { role: 'assistant', content: 'Hello!' },
      { role: 'user', content: 'Where is Hefei?' },
    ]);
  });

  it('merges several leading system messages into one', () => {
    const messages = toSparkMessages([new SystemMessage('A'), new SystemMessage('B'), new HumanMessage('Q')]);
    expect(messages).toEqual([
      { role: 'system', content: 'A\n\nB' },
      { role: 'user', content: 'Q' },
    ]);
  });

  it('turns a system message after the first turn into user text, merged with the next user turn', () => {
    const messages = toSparkMessages([
      new HumanMessage('Q1'),
      new AIMessage('A1'),
      new SystemMessage('Answer in English from now on.'),
      new HumanMessage('Q2'),
    ]);
    expect(messages.map((message) => message.role)).toEqual(['user', 'assistant', 'user']);
    expect(messages[2]?.content).toBe('Answer in English from now on.\n\nQ2');
  });

  it('merges consecutive user turns so roles alternate', () => {
    const messages = toSparkMessages([new HumanMessage('one'), new HumanMessage('two')]);
    expect(messages).toEqual([{ role: 'user', content: 'one\n\ntwo' }]);
  });

  it('writes a tool round trip as an assistant call turn and a user result turn', () => {
    const messages = toSparkMessages([
      new HumanMessage('Weather in Hefei?'),
      new AIMessage({
        content: '',
        tool_calls: [{ id: 'call_1', name: 'get_weather', args: { city: '合肥' }, type: 'tool_call' }],
      }),
      new ToolMessage({ tool_call_id: 'call_1', content: '晴，25°C' }),
    ]);
    expect(messages).toEqual([
      { role: 'user', content: 'Weather in Hefei?' },
      { role: 'assistant', content: 'Calling function "get_weather" with arguments: {"city":"合肥"}' },
      {
        role: 'user',
        content: 'Function "get_weather" returned:\n晴，25°C\nUse this result to answer the question.',
      },
    ]);
  });

  it('marks a failed tool result and keeps the assistant text next to its calls', () => {
    const messages = toSparkMessages([
      new HumanMessage('Q'),
      new AIMessage({
        content: 'Let me check.',
        tool_calls: [{ id: 'c', name: 'lookup', args: {}, type: 'tool_call' }],
      }),
      new ToolMessage({ tool_call_id: 'c', content: 'timeout', status: 'error' }),
    ]);
    expect(messages[1]?.content).toBe('Let me check.\nCalling function "lookup" with arguments: {}');
    expect(messages[2]?.content).toContain('Function "lookup" failed with:\ntimeout');
  });

  it('treats legacy function messages and generic tool roles as tool results', () => {
    const messages = toSparkMessages([
      new HumanMessage('Q'),
      new AIMessage('calling'),
      new FunctionMessage({ name: 'lookup', content: '42' }),
      new ChatMessage({ role: 'tool', content: 'more' }),
    ]);
    expect(messages).toHaveLength(3);
    expect(messages[2]?.content).toContain('Function "lookup" returned:\n42');
    expect(messages[2]?.content).toContain('The function call returned:\nmore');
  });

  it('maps generic chat message roles and rejects unknown ones', () => {
    expect(
      toSparkMessages([
        new ChatMessage({ role: 'system', content: 's' }),
        new ChatMessage({ role: 'human', content: 'h' }),
      ]),
    ).toEqual([
      { role: 'system', content: 's' },
      { role: 'user', content: 'h' },
    ]);
    expect(() => toSparkMessages([new ChatMessage({ role: 'narrator', content: 'x' })])).toThrow(
      SparkInvalidRequestError,
    );
  });

  it('joins text blocks and refuses image blocks with a typed error naming the field', () => {
    expect(
      toSparkMessages([
        new HumanMessage({
          content: [
            { type: 'text', text: 'a' },
            { type: 'text', text: 'b' },
          ],
        }),
      ]),
    ).toEqual([{ role: 'user', content: 'ab' }]);
    let caught: unknown;
    try {
      toSparkMessages([new HumanMessage({ content: [{ type: 'image_url', image_url: 'data:x' }] })]);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(SparkInvalidRequestError);
    expect((caught as SparkInvalidRequestError).field).toBe('messages[0].content[0]');
  });

  it('drops empty assistant turns instead of sending empty content', () => {
    const messages = toSparkMessages([new HumanMessage('a'), new AIMessage(''), new HumanMessage('b')]);
    expect(messages).toEqual([{ role: 'user', content: 'a\n\nb' }]);
  });

  it('accepts a custom tool-turn format', () => {
    const messages = toSparkMessages(
      [
        new HumanMessage('Q'),
        new AIMessage({
          content: '',
          tool_calls: [{ id: 'x', name: 'f', args: { a: 1 }, type: 'tool_call' }],
        }),
        new ToolMessage({ tool_call_id: 'x', content: 'ok' }),
      ],
      {
        formatToolCall: (call) => `CALL ${call.name}`,
        formatToolResult: (result) => `RESULT ${result.name}=${result.content}`,
      },
    );
    expect(messages.slice(1)).toEqual([
      { role: 'assistant', content: 'CALL f' },
      { role: 'user', content: 'RESULT f=ok' },
    ]);
    expect(DEFAULT_TOOL_TURN_FORMAT.formatToolCall({ name: 'f', args: undefined })).toContain('{}');
  });
});
