import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  SparkContentFilterError,
  SparkProtocolError,
  SparkRateLimitError,
  SparkServerError,
} from '../../errors/error-classes';
import { SparkError } from '../../errors/spark-error';
import { decodeChunk } from './decode-chunk';

const chunk = (body: Record<string, unknown>) =>
  JSON.stringify({ code: 0, message: 'Success', sid: 'cha000b0001', ...body });

describe('decodeChunk', () => {
  it('reads a content delta and the sid', () => {
    expect(
      decodeChunk(chunk({ choices: [{ delta: { role: 'assistant', content: '你好' }, index: 0 }] })),
    ).toEqual({
      sid: 'cha000b0001',
      text: '你好',
      reasoning: '',
    });
  });

  it('reads reasoning and content from one delta', () => {
    const decoded = decodeChunk(chunk({ choices: [{ delta: { reasoning_content: '想', content: '答' } }] }));
    expect(decoded).toMatchObject({ text: '答', reasoning: '想' });
  });

  it('normalises a single tool-call object into a list', () => {
    const decoded = decodeChunk(
      chunk({
        choices: [
          {
            delta: {
              tool_calls: {
                id: 'call_1',
                type: 'function',
                function: { name: 'get_weather', arguments: '{"city":"合肥"}' },
              },
            },
            finish_reason: 'tool_calls',
          },
        ],
      }),
    );
    expect(decoded.toolCalls).toEqual([
      { id: 'call_1', name: 'get_weather', arguments: '{"city":"合肥"}', parsedArguments: { city: '合肥' } },
    ]);
    expect(decoded.finishReason).toBe('tool_calls');
  });

  it('keeps several tool calls of an array in order, with object arguments re-encoded', () => {
    const decoded = decodeChunk(
      chunk({
        choices: [
          {
            delta: {
              tool_calls: [
                { id: 'a', type: 'function', function: { name: 'one', arguments: { x: 1 } } },
                { id: 'b', type: 'function', function: { name: 'two', arguments: '' } },
              ],
            },
          },
        ],
      }),
    );
    expect(
      decoded.toolCalls?.map((call) => [call.id, call.name, call.arguments, call.parsedArguments]),
    ).toEqual([
      ['a', 'one', '{"x":1}', { x: 1 }],
      ['b', 'two', '', {}],
    ]);
  });

  it('keeps unparsable arguments with the reason instead of failing', () => {
    const decoded = decodeChunk(
      chunk({ choices: [{ delta: { tool_calls: { function: { name: 'f', arguments: '{"a":' } } } }] }),
    );
    expect(decoded.toolCalls?.[0]).toMatchObject({ name: 'f', arguments: '{"a":' });
    expect(decoded.toolCalls?.[0]?.parseError).toEqual(expect.any(String));
  });

  it('reads usage from a chunk with empty choices (/v2, X2) and from the last content chunk (/v1)', () => {
    expect(
      decodeChunk(chunk({ choices: [], usage: { prompt_tokens: 3, completion_tokens: 4, total_tokens: 7 } }))
        .usage,
    ).toEqual({
      promptTokens: 3,
      completionTokens: 4,
      totalTokens: 7,
    });
    const last = decodeChunk(
      chunk({
        choices: [{ delta: { content: '。' }, finish_reason: 'stop' }],
        usage: { prompt_tokens: 1, completion_tokens: 2 },
      }),
    );
    expect(last).toMatchObject({
      text: '。',
      finishReason: 'stop',
      usage: { promptTokens: 1, completionTokens: 2, totalTokens: 3 },
    });
  });

  it('reads a non-streamed body (message instead of delta)', () => {
    const decoded = decodeChunk(
      chunk({ choices: [{ message: { role: 'assistant', content: '全文' }, finish_reason: 'stop' }] }),
    );
    expect(decoded).toMatchObject({ text: '全文', finishReason: 'stop' });
  });

  it('throws the typed error for a business error inside the stream, keeping the partial text', () => {
    const error = (() => {
      try {
        decodeChunk(JSON.stringify({ code: 10014, message: 'output refused', sid: 'cha1' }), '前半句');
      } catch (caught) {
        return caught;
      }
    })();
    expect(error).toBeInstanceOf(SparkContentFilterError);
    expect(error).toMatchObject({ sparkCode: 10014, sid: 'cha1', stage: 'output', partialText: '前半句' });
  });

  it('maps rate-limit codes to a retryable error and OpenAI-style error objects to typed errors', () => {
    expect(() => decodeChunk(JSON.stringify({ code: 11202, message: 'qps', sid: 's' }))).toThrow(
      SparkRateLimitError,
    );
    expect(() =>
      decodeChunk(JSON.stringify({ error: { message: 'boom', type: 'api_error', code: null } })),
    ).toThrow(SparkServerError);
  });

  it('rejects malformed chunks with a SparkProtocolError', () => {
    for (const bad of [
      'not json',
      '[]',
      '{"choices":{}}',
      '{"choices":[{"delta":{"content":5}}]}',
      '{"usage":{"prompt_tokens":-1}}',
    ]) {
      expect(() => decodeChunk(bad)).toThrow(SparkProtocolError);
    }
  });

  it('names where a malformed chunk went wrong', () => {
    const second = (delta: unknown) => JSON.stringify({ choices: [{ delta: {} }, { delta }] });
    expect(() => decodeChunk(second({ content: 5 }))).toThrow('choices[1].delta.content is not a string');
    expect(() => decodeChunk(second({ reasoning_content: [] }))).toThrow(
      'choices[1].delta.reasoning_content is not a string',
    );
    expect(() => decodeChunk(second('text'))).toThrow('choices[1].delta is not an object');
    expect(() => decodeChunk(second({ tool_calls: [{ function: { name: '' } }] }))).toThrow(
      'choices[1].delta.tool_calls[0].function.name is malformed',
    );
    expect(() => decodeChunk(JSON.stringify({ choices: [{ message: 1 }] }))).toThrow(
      'choices[0].message is not an object',
    );
    expect(() => decodeChunk(JSON.stringify({ usage: [] }))).toThrow('usage is not an object');
  });

  it('throws only SparkErrors for any JSON value', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        try {
          decodeChunk(JSON.stringify(value));
        } catch (error) {
          expect(SparkError.isInstance(error)).toBe(true);
        }
      }),
    );
  });
});
