import type { AIMessageChunk } from '@langchain/core/messages';
import type { ChatResult } from '@xinghuo/core';
import { describe, expect, it } from 'vitest';
import {
  createToolCallId,
  finalChunk,
  functionCallChunk,
  textChunk,
  toAIMessage,
  toToolCall,
} from './to-message-chunks';

const result: ChatResult = {
  text: 'hi',
  usage: { promptTokens: 3, completionTokens: 5, totalTokens: 8 },
  sid: 'cht000test@dx1',
  model: 'generalv3.5',
  finishReason: 'function_call',
};

describe('toToolCall', () => {
  it('parses valid JSON object arguments', () => {
    expect(toToolCall({ name: 'f', arguments: '{"a":1}' }, 'id1')).toEqual({
      valid: { type: 'tool_call', name: 'f', args: { a: 1 }, id: 'id1' },
    });
  });

  it('reports arguments that are not valid JSON as an invalid tool call with the error', () => {
    const converted = toToolCall({ name: 'f', arguments: '{"a":' }, 'id2');
    expect(converted).toMatchObject({
      invalid: { type: 'invalid_tool_call', name: 'f', args: '{"a":', id: 'id2' },
    });
    expect('invalid' in converted && converted.invalid.error).toMatch(/not valid JSON/);
  });

  it('reports JSON that is not an object as invalid, and empty arguments as {}', () => {
    expect(toToolCall({ name: 'f', arguments: '[1]' }, 'x')).toHaveProperty('invalid');
    expect(toToolCall({ name: 'f', arguments: ' ' }, 'x')).toEqual({
      valid: { type: 'tool_call', name: 'f', args: {}, id: 'x' },
    });
  });
});

describe('toAIMessage', () => {
  it('builds the final message with text, strict tool calls, usage and metadata', () => {
    const aggregate = [
      textChunk('a'),
      textChunk('b'),
      functionCallChunk({ name: 'f', arguments: 'not json' }, 'c1'),
      finalChunk(result),
    ]
      .map((chunk) => chunk.message as AIMessageChunk)
      .reduce((left, right) => left.concat(right));
    const message = toAIMessage(aggregate);
    expect(message.content).toBe('ab');
    expect(message.tool_calls).toEqual([]);
    expect(message.invalid_tool_calls).toMatchObject([{ name: 'f', args: 'not json', id: 'c1' }]);
    expect(message.usage_metadata).toMatchObject({ input_tokens: 3, output_tokens: 5, total_tokens: 8 });
    expect(message.response_metadata).toMatchObject({
      sid: 'cht000test@dx1',
      model_name: 'generalv3.5',
      finish_reason: 'tool_calls',
    });
  });
});

describe('createToolCallId', () => {
  it('gives distinct call_ ids of 24 hex digits', () => {
    const ids = new Set(Array.from({ length: 50 }, () => createToolCallId()));
    expect(ids.size).toBe(50);
    for (const id of ids) expect(id).toMatch(/^call_[0-9a-f]{24}$/);
  });
});
