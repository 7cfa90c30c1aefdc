import { UnsupportedFunctionalityError } from '@ai-sdk/provider';
import { describe, expect, it } from 'vitest';
import { convertPrompt } from './convert-prompt';

describe('convertPrompt', () => {
  it('puts every system message first, once, and merges turns of one role', () => {
    expect(
      convertPrompt([
        { role: 'system', content: 'A' },
        { role: 'user', content: [{ type: 'text', text: 'q1' }] },
        { role: 'system', content: 'B' },
        { role: 'user', content: [{ type: 'text', text: 'q2' }] },
      ]),
    ).toEqual([
      { role: 'system', content: 'A\n\nB' },
      { role: 'user', content: 'q1\n\nq2' },
    ]);
  });

  it('over HTTP: an assistant turn lists its calls with their ids, each result is a tool turn', () => {
    expect(
      convertPrompt(
        [
          { role: 'user', content: [{ type: 'text', text: 'q' }] },
          {
            role: 'assistant',
            content: [
              { type: 'tool-call', toolCallId: 'a', toolName: 'one', input: { x: 1 } },
              { type: 'tool-call', toolCallId: 'b', toolName: 'two', input: {} },
            ],
          },
          {
            role: 'tool',
            content: [
              { type: 'tool-result', toolCallId: 'a', toolName: 'one', output: { type: 'json', value: 1 } },
              {
                type: 'tool-result',
                toolCallId: 'b',
                toolName: 'two',
                output: { type: 'error-text', value: 'no' },
              },
            ],
          },
        ],
        'http',
      ),
    ).toEqual([
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
  });

  it('spells a tool round trip as an assistant turn and a user turn, failures included', () => {
    expect(
      convertPrompt([
        { role: 'user', content: [{ type: 'text', text: '天气？' }] },
        {
          role: 'assistant',
          content: [
            { type: 'reasoning', text: '想一想' },
            { type: 'tool-call', toolCallId: 'c1', toolName: 'weather', input: { city: '合肥' } },
          ],
        },
        {
          role: 'tool',
          content: [
            {
              type: 'tool-result',
              toolCallId: 'c1',
              toolName: 'weather',
              output: { type: 'error-text', value: 'down' },
            },
          ],
        },
      ]),
    ).toEqual([
      { role: 'user', content: '天气？' },
      { role: 'assistant', content: 'Calling function "weather" with arguments: {"city":"合肥"}' },
      {
        role: 'user',
        content: 'Function "weather" failed with:\ndown\nUse this result to answer the question.',
      },
    ]);
  });

  it('refuses file parts: Spark chat models take text only', () => {
    expect(() =>
      convertPrompt([
        { role: 'user', content: [{ type: 'file', mediaType: 'image/png', data: new Uint8Array([1]) }] },
      ]),
    ).toThrow(UnsupportedFunctionalityError);
  });
});
