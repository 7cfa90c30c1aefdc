import { describe, expect, it } from 'vitest';
import type { DecodedFrame } from '../protocol/websocket/decode-frame';
import { AnswerAccumulator } from './answer-accumulator';

const frame = (overrides: Partial<DecodedFrame>): DecodedFrame => ({
  status: 1,
  sid: 'sid-1',
  seq: 0,
  text: '',
  reasoning: '',
  ...overrides,
});

describe('AnswerAccumulator', () => {
  it('accumulates text across frames, the final one included', () => {
    const accumulator = new AnswerAccumulator({ modelId: 'lite', maxTokens: 4096 });
    accumulator.add(frame({ status: 0, text: '你' }));
    const last = accumulator.add(
      frame({ status: 2, text: '好', usage: { promptTokens: 1, completionTokens: 2, totalTokens: 3 } }),
    );

    expect(last.events.map((event) => event.type)).toEqual(['text-delta', 'usage']);
    expect(accumulator.finished).toBe(true);
    expect(accumulator.result()).toEqual({
      text: '你好',
      usage: { promptTokens: 1, completionTokens: 2, totalTokens: 3 },
      sid: 'sid-1',
      model: 'lite',
      finishReason: 'stop',
    });
  });

  it('marks content only for text, reasoning and function calls', () => {
    const accumulator = new AnswerAccumulator({ modelId: 'x1', maxTokens: 10 });
    expect(accumulator.add(frame({ searchResults: [{ index: 1, url: 'u', title: 't' }] })).hasContent).toBe(
      false,
    );
    expect(accumulator.add(frame({ text: '' })).hasContent).toBe(false);
    expect(accumulator.add(frame({ reasoning: 'r' })).hasContent).toBe(true);
  });

  it('derives finishReason from a function call and from max tokens', () => {
    const call = new AnswerAccumulator({ modelId: 'max', maxTokens: 1 });
    call.add(
      frame({
        status: 2,
        functionCall: { name: 'f', arguments: '{}' },
        usage: { promptTokens: 1, completionTokens: 5, totalTokens: 6 },
      }),
    );
    expect(call.result().finishReason).toBe('function_call');

    const long = new AnswerAccumulator({ modelId: 'max', maxTokens: 5 });
    long.add(
      frame({ status: 2, text: 'x', usage: { promptTokens: 1, completionTokens: 5, totalTokens: 6 } }),
    );
    expect(long.result().finishReason).toBe('length');
  });

  it('emits one event per function call of a frame and keeps them all, and prefers a reported finish reason', () => {
    const accumulator = new AnswerAccumulator({ modelId: 'max', maxTokens: 1 });
    const calls = [
      { id: 'a', name: 'one', arguments: '{}' },
      { id: 'b', name: 'two', arguments: '{}' },
    ];
    const { events, hasContent } = accumulator.add(frame({ functionCalls: calls }));
    expect(hasContent).toBe(true);
    expect(events).toEqual(calls.map((functionCall) => ({ type: 'function-call', functionCall })));
    accumulator.add(frame({ status: 2 }));
    expect(accumulator.result()).toMatchObject({
      functionCall: calls[0],
      functionCalls: calls,
      finishReason: 'function_call',
    });

    const reported = new AnswerAccumulator({ modelId: 'max', maxTokens: 1 });
    reported.add(
      frame({
        text: 'x',
        finishReason: 'stop',
        usage: { promptTokens: 1, completionTokens: 1, totalTokens: 2 },
      }),
    );
    reported.add(frame({ status: 2 }));
    // Spark said `stop`: the token count reaching maxTokens does not override it.
    expect(reported.result().finishReason).toBe('stop');
  });

  it('reports zero usage when the final frame carries none, and the trimmed messages', () => {
    const trimmed = [{ role: 'user' as const, content: 'old' }];
    const accumulator = new AnswerAccumulator({ modelId: 'lite', maxTokens: 10, trimmedMessages: trimmed });
    accumulator.add(frame({ status: 2, text: 'x' }));
    expect(accumulator.result()).toMatchObject({
      usage: { promptTokens: 0, completionTokens: 0, totalTokens: 0 },
      trimmedMessages: trimmed,
    });
  });
});
