import { describe, expect, it } from 'vitest';
import type { DecodedFrame } from '../protocol/websocket/decode-frame';
import type { SparkStreamEvent } from '../types';
import { AnswerAccumulator, isContentEvent } from './answer-accumulator';

const frame = (overrides: Partial<DecodedFrame>): DecodedFrame => ({
  status: 1,
  sid: 'sid-1',
  seq: 0,
  text: '',
  reasoning: '',
  ...overrides,
});

/** Adds a frame and returns the events it emitted. */
function add(accumulator: AnswerAccumulator, decoded: DecodedFrame): SparkStreamEvent[] {
  const events: SparkStreamEvent[] = [];
  accumulator.add(decoded, (event) => events.push(event));
  return events;
}

describe('AnswerAccumulator', () => {
  it('accumulates text across frames, the final one included', () => {
    const accumulator = new AnswerAccumulator({ modelId: 'lite', maxTokens: 4096 });
    add(accumulator, frame({ status: 0, text: '你' }));
    const last = add(
      accumulator,
      frame({ status: 2, text: '好', usage: { promptTokens: 1, completionTokens: 2, totalTokens: 3 } }),
    );

    expect(last.map((event) => event.type)).toEqual(['text-delta', 'usage']);
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
    const content = (decoded: DecodedFrame) => add(accumulator, decoded).some(isContentEvent);
    expect(content(frame({ searchResults: [{ index: 1, url: 'u', title: 't' }] }))).toBe(false);
    expect(content(frame({ text: '' }))).toBe(false);
    expect(content(frame({ usage: { promptTokens: 1, completionTokens: 1, totalTokens: 2 } }))).toBe(false);
    expect(content(frame({ reasoning: 'r' }))).toBe(true);
  });

  it('derives finishReason from a function call and from max tokens', () => {
    const call = new AnswerAccumulator({ modelId: 'max', maxTokens: 1 });
    add(
      call,
      frame({
        status: 2,
        functionCall: { name: 'f', arguments: '{}' },
        usage: { promptTokens: 1, completionTokens: 5, totalTokens: 6 },
      }),
    );
    expect(call.result().finishReason).toBe('function_call');

    const long = new AnswerAccumulator({ modelId: 'max', maxTokens: 5 });
    add(
      long,
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
    const events = add(accumulator, frame({ functionCalls: calls }));
    expect(events.every(isContentEvent)).toBe(true);
    expect(events).toEqual(calls.map((functionCall) => ({ type: 'function-call', functionCall })));
    add(accumulator, frame({ status: 2 }));
    expect(accumulator.result()).toMatchObject({
      functionCall: calls[0],
      functionCalls: calls,
      finishReason: 'function_call',
    });

    const reported = new AnswerAccumulator({ modelId: 'max', maxTokens: 1 });
    add(
      reported,
      frame({
        text: 'x',
        finishReason: 'stop',
        usage: { promptTokens: 1, completionTokens: 1, totalTokens: 2 },
      }),
    );
    add(reported, frame({ status: 2 }));
    // Spark said `stop`: the token count reaching maxTokens does not override it.
    expect(reported.result().finishReason).toBe('stop');
  });

  it('reports zero usage when the final frame carries none', () => {
    const accumulator = new AnswerAccumulator({ modelId: 'lite', maxTokens: 10 });
    add(accumulator, frame({ status: 2, text: 'x' }));
    expect(accumulator.result().usage).toEqual({ promptTokens: 0, completionTokens: 0, totalTokens: 0 });
  });
});
