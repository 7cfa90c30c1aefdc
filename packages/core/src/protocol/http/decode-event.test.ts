import { describe, expect, it } from 'vitest';
import { SparkConnectionError, SparkRateLimitError } from '../../errors/error-classes';
import { createEventDecoder, isDoneMarker } from './decode-event';

/** A decoder that has already seen a finished chunk, so that `[DONE]` ends its answer. */
function finishedDecoder() {
  const decode = createEventDecoder();
  decode(JSON.stringify({ choices: [{ delta: {}, finish_reason: 'stop' }] }), '');
  return decode;
}

describe('createEventDecoder', () => {
  const chunk = (choice: Record<string, unknown>, extra: Record<string, unknown> = {}) =>
    JSON.stringify({ code: 0, sid: 's', choices: [{ index: 0, ...choice }], ...extra });

  it('reads [DONE] in either spelling as the final frame', () => {
    expect(isDoneMarker('[DONE]')).toBe(true);
    expect(isDoneMarker(' [DONE]')).toBe(true);
    expect(isDoneMarker('{"content":"[DONE]"}')).toBe(false);
    for (const done of ['[DONE]', ' [DONE]']) {
      expect(finishedDecoder()(done, '')).toEqual({ status: 2, sid: '', seq: -1, text: '', reasoning: '' });
    }
  });

  it('turns a chunk into a middle frame with calls, usage and the finish reason in SDK names', () => {
    const frame = createEventDecoder()(
      JSON.stringify({
        code: 0,
        sid: 's1',
        choices: [
          {
            delta: { content: 'a', tool_calls: [{ id: 'x', function: { name: 'f', arguments: '{}' } }] },
            finish_reason: 'tool_calls',
          },
        ],
        usage: { prompt_tokens: 1, completion_tokens: 2, total_tokens: 3 },
      }),
      '',
    );
    expect(frame).toMatchObject({
      status: 1,
      sid: 's1',
      text: 'a',
      functionCalls: [{ id: 'x', name: 'f', parsedArguments: {} }],
      usage: { totalTokens: 3 },
      finishReason: 'function_call',
    });
    const length = createEventDecoder()(chunk({ delta: {}, finish_reason: 'length' }), '');
    expect(length.finishReason).toBe('length');
  });

  it('leaves a finish reason the SDK has no name for unset, also one named like an Object member', () => {
    for (const reason of ['odd', 'constructor', 'toString', '__proto__']) {
      const frame = createEventDecoder()(chunk({ delta: {}, finish_reason: reason }), '');
      expect(frame).not.toHaveProperty('finishReason');
    }
  });

  it('throws the typed error of an in-stream business error', () => {
    expect(() => createEventDecoder()(JSON.stringify({ code: 11202, message: 'qps', sid: 's' }), '')).toThrow(
      SparkRateLimitError,
    );
  });

  it('ends at [DONE] after a finish reason, also one the SDK has no name for, and a usage chunk after it', () => {
    for (const reason of ['stop', 'odd']) {
      const decode = createEventDecoder();
      decode(chunk({ delta: { content: '好' } }), '');
      decode(chunk({ delta: {}, finish_reason: reason }), '好');
      decode(JSON.stringify({ code: 0, sid: 's', choices: [], usage: { total_tokens: 3 } }), '好');
      expect(decode('[DONE]', '好').status).toBe(2);
    }
  });

  it('calls a [DONE] with no finish reason before it a truncated answer, not a success', () => {
    const decode = createEventDecoder();
    decode(chunk({ delta: { content: '半' }, finish_reason: null }), '');
    expect(() => decode('[DONE]', '半')).toThrow(SparkConnectionError);
    expect(() => createEventDecoder()('[DONE]', '')).toThrow(/finish reason/);
  });
});
