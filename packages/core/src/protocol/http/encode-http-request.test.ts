import { describe, expect, it } from 'vitest';
import { SparkInvalidRequestError } from '../../errors/error-classes';
import { resolveModel } from '../../models/models';
import type { ChatParams } from '../../types';
import { encodeHttpRequest } from './encode-http-request';

const user = { role: 'user' as const, content: '你好' };
const encode = (params: Partial<ChatParams>, model = 'max', onWarning?: (message: string) => void) =>
  encodeHttpRequest({ messages: [user], ...params } as ChatParams, { model: resolveModel(model), onWarning });

function invalidField(run: () => unknown): string | undefined {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(SparkInvalidRequestError);
    return (error as SparkInvalidRequestError).field;
  }
  throw new Error('expected a SparkInvalidRequestError');
}

describe('encodeHttpRequest', () => {
  it('builds the smallest streamed body with the HTTP model id', () => {
    expect(encode({})).toEqual({ model: 'generalv3.5', messages: [user], stream: true });
    expect(encode({}, 'x2').model).toBe('spark-x');
  });

  it('maps typed options to their wire names', () => {
    const body = encode(
      {
        temperature: 0,
        maxTokens: 100,
        topK: 3,
        uid: 'u1',
        responseFormat: 'json_object',
        webSearch: { searchMode: 'deep', showRefLabel: true },
        extra: { top_p: 0.9, suppress_plugin: ['knowledge'] },
      },
      'max',
    );
    expect(body).toMatchObject({
      temperature: 0,
      max_tokens: 100,
      top_k: 3,
      user: 'u1',
      response_format: { type: 'json_object' },
      tools: [
        { type: 'web_search', web_search: { enable: true, search_mode: 'deep', show_ref_label: true } },
      ],
      top_p: 0.9,
      suppress_plugin: ['knowledge'],
    });
    expect(body).not.toHaveProperty('tool_calls_switch');
  });

  it('uses max_completion_tokens for X2.5', () => {
    const body = encode({ maxTokens: 200_000 }, 'x2.5');
    expect(body.max_completion_tokens).toBe(200_000);
    expect(body).not.toHaveProperty('max_tokens');
  });

  it('sends functions as tools with tool_calls_switch, and warns where HTTP may not take them', () => {
    const warnings: string[] = [];
    const body = encode(
      { functions: [{ name: '天气', description: 'd', parameters: { type: 'object', properties: {} } }] },
      'lite',
      (message) => warnings.push(message),
    );
    expect(body.tool_calls_switch).toBe(true);
    expect(body.tools).toEqual([
      {
        type: 'function',
        function: { name: '天气', description: 'd', parameters: { type: 'object', properties: {} } },
      },
    ]);
    expect(warnings.join('\n')).toMatch(/function name "天气"/);
    expect(warnings.join('\n')).toMatch(/function calling over HTTP/);
  });

  describe('toolChoice', () => {
    const weather = {
      name: 'weather',
      description: 'd',
      parameters: { type: 'object' as const, properties: {} },
    };
    const time = { name: 'time', description: 't', parameters: { type: 'object' as const, properties: {} } };
    const functions = [weather, time];

    it('sends auto, none and required as tool_choice strings, with the functions', () => {
      for (const toolChoice of ['auto', 'none', 'required'] as const) {
        const body = encode({ functions, toolChoice });
        expect(body.tool_choice).toBe(toolChoice);
        expect(body.tools).toHaveLength(2);
      }
    });

    it('sends a named function in the OpenAI shape', () => {
      expect(encode({ functions, toolChoice: { name: 'time' } }).tool_choice).toEqual({
        type: 'function',
        function: { name: 'time' },
      });
    });

    it('refuses a named function that is not declared, naming the declared ones', () => {
      let message = '';
      expect(
        invalidField(() => {
          try {
            encode({ functions, toolChoice: { name: 'news' } });
          } catch (error) {
            message = (error as Error).message;
            throw error;
          }
        }),
      ).toBe('toolChoice.name');
      expect(message).toMatch(/"weather", "time".*got "news"/);
      expect(invalidField(() => encode({ toolChoice: { name: 'weather' } }))).toBe('toolChoice.name');
      expect(invalidField(() => encode({ functions, toolChoice: { name: '' } }))).toBe('toolChoice.name');
    });

    it('refuses required without functions, and unknown shapes', () => {
      expect(invalidField(() => encode({ toolChoice: 'required' }))).toBe('toolChoice');
      expect(invalidField(() => encode({ functions: [], toolChoice: 'required' }))).toBe('toolChoice');
      expect(invalidField(() => encode({ functions, toolChoice: 'any' as 'auto' }))).toBe('toolChoice');
      const openAiShape = { type: 'function', function: { name: 'weather' } } as unknown as { name: string };
      expect(invalidField(() => encode({ functions, toolChoice: openAiShape }))).toBe('toolChoice.name');
    });

    it('leaves auto and none out when no function is sent (nothing could be called)', () => {
      expect(encode({ toolChoice: 'auto' })).not.toHaveProperty('tool_choice');
      const body = encode({ toolChoice: 'none', webSearch: true });
      expect(body).not.toHaveProperty('tool_choice');
      expect(body.tools).toEqual([{ type: 'web_search', web_search: { enable: true } }]);
    });
  });

  describe('topP, presencePenalty and frequencyPenalty (HTTP only, spec §6.3)', () => {
    it('sends them as top_p, presence_penalty and frequency_penalty', () => {
      const body = encode({ topP: 0.8, presencePenalty: 1.5, frequencyPenalty: -0.5 });
      expect(body).toMatchObject({ top_p: 0.8, presence_penalty: 1.5, frequency_penalty: -0.5 });
      expect(encode({})).not.toHaveProperty('top_p');
      expect(encode({ topP: undefined })).not.toHaveProperty('top_p');
    });

    it('accepts the edges of each range', () => {
      expect(encode({ topP: 1, presencePenalty: -2, frequencyPenalty: 2 })).toMatchObject({
        top_p: 1,
        presence_penalty: -2,
        frequency_penalty: 2,
      });
      expect(encode({ topP: Number.MIN_VALUE, presencePenalty: 2, frequencyPenalty: -2 }).top_p).toBe(
        Number.MIN_VALUE,
      );
    });

    it.each([
      ['topP', 0, /topP must be a number greater than 0 and at most 1 \(got 0\)/],
      ['topP', 1.01, /topP must be a number greater than 0 and at most 1/],
      ['topP', Number.NaN, /topP must be a number greater than 0 and at most 1/],
      ['topP', '0.5', /topP must be a number greater than 0 and at most 1/],
      ['presencePenalty', 2.5, /presencePenalty must be a number from -2 to 2 \(got 2.5\)/],
      ['presencePenalty', -2.01, /presencePenalty must be a number from -2 to 2/],
      ['frequencyPenalty', Number.POSITIVE_INFINITY, /frequencyPenalty must be a number from -2 to 2/],
      ['frequencyPenalty', null, /frequencyPenalty must be a number from -2 to 2/],
    ])('refuses %s = %s, naming the range', (field, value, message) => {
      expect(invalidField(() => encode({ [field]: value }))).toBe(field);
      expect(() => encode({ [field]: value })).toThrow(message);
    });
  });

  it('takes the HTTP temperature range [0, 2] for every model', () => {
    expect(encode({ temperature: 2 }, 'lite').temperature).toBe(2);
    expect(invalidField(() => encode({ temperature: 2.01 }))).toBe('temperature');
    expect(invalidField(() => encode({ temperature: -0.1 }))).toBe('temperature');
  });

  it('refuses WebSocket-only options and other invalid values, naming the field', () => {
    expect(invalidField(() => encode({ chatId: 'c' }))).toBe('chatId');
    expect(invalidField(() => encode({ patchId: 'p' }))).toBe('patchId');
    expect(invalidField(() => encode({ maxTokens: 8193 }))).toBe('maxTokens');
    expect(invalidField(() => encode({ topK: 7 }))).toBe('topK');
    expect(invalidField(() => encode({ responseFormat: 'yaml' as 'text' }))).toBe('responseFormat');
    expect(invalidField(() => encode({ extra: { model: 'other' } }))).toBe('extra.model');
    expect(invalidField(() => encode({}, 'kjwx'))).toBe('model');
  });

  it('encodes tool turns and checks their order', () => {
    const call = { id: 'c1', name: 'f', arguments: '{}' };
    const body = encode({
      messages: [
        { role: 'system', content: 's' },
        user,
        { role: 'assistant', content: '', toolCalls: [call] },
        { role: 'tool', content: 'r', toolCallId: 'c1' },
      ],
    });
    expect(body.messages.slice(2)).toEqual([
      {
        role: 'assistant',
        content: '',
        tool_calls: [{ id: 'c1', type: 'function', function: { name: 'f', arguments: '{}' } }],
      },
      { role: 'tool', content: 'r', tool_call_id: 'c1' },
    ]);
    const tool = { role: 'tool' as const, content: 'r', toolCallId: 'c1' };
    expect(invalidField(() => encode({ messages: [user, tool] }))).toBe('messages[1].role');
    expect(
      invalidField(() =>
        encode({
          messages: [
            user,
            { role: 'assistant', content: '', toolCalls: [call] },
            { role: 'tool', content: 'r' },
          ],
        }),
      ),
    ).toBe('messages[2].toolCallId');
    expect(invalidField(() => encode({ messages: [user, { role: 'assistant', content: 'a' }] }))).toBe(
      'messages[1].role',
    );
    expect(invalidField(() => encode({ messages: [{ ...user, toolCallId: 'x' }] }))).toBe(
      'messages[0].toolCallId',
    );
    expect(invalidField(() => encode({ messages: [] }))).toBe('messages');
  });
});
