import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { SparkConfigError, SparkInvalidRequestError } from '../errors/error-classes';
import { resolveModel } from '../models/models';
import type { ChatMessage } from '../types';
import { trimHistory } from './trim-history';

/** One token per character keeps the arithmetic in these tests obvious. */
const byLength = (text: string) => text.length;
const exact = { estimator: byLength, messageOverheadTokens: 0 };

const system: ChatMessage = { role: 'system', content: 'S'.repeat(10) };
function turn(index: number, size = 10): ChatMessage[] {
  return [
    { role: 'user', content: `${index}`.padEnd(size, 'u') },
    { role: 'assistant', content: `${index}`.padEnd(size, 'a') },
  ];
}
function conversation(turns: number, size = 10): ChatMessage[] {
  const history = Array.from({ length: turns }, (_, index) => turn(index, size)).flat();
  return [system, ...history, { role: 'user', content: 'Q'.repeat(size) }];
}

describe('trimHistory', () => {
  it('keeps everything that fits', () => {
    const messages = conversation(3);
    const result = trimHistory(messages, 'lite', { ...exact, maxInputTokens: 1000 });
    expect(result).toEqual({ messages, dropped: [], estimatedTokens: 80, budget: 1000, fits: true });
  });

  it('drops the oldest whole turns first and keeps the system message and the question', () => {
    const messages = conversation(5);
    // system 10 + question 10 + two turns of 20 = 60.
    const result = trimHistory(messages, 'lite', { ...exact, maxInputTokens: 65 });
    expect(result.messages).toEqual([system, ...turn(3), ...turn(4), messages.at(-1)]);
    expect(result.dropped).toEqual([...turn(0), ...turn(1), ...turn(2)]);
    expect(result.estimatedTokens).toBe(60);
    expect(result.fits).toBe(true);
  });

  it('keeps the system message and the question even when they alone are too large', () => {
    const messages = conversation(2, 100);
    const result = trimHistory(messages, 'lite', { ...exact, maxInputTokens: 50 });
    expect(result.messages).toEqual([system, messages.at(-1)]);
    expect(result.fits).toBe(false);
    expect(result.estimatedTokens).toBe(110);
  });

  it('never leaves an assistant message first', () => {
    const messages: ChatMessage[] = [
      { role: 'assistant', content: 'greeting' },
      { role: 'user', content: 'a' },
      { role: 'assistant', content: 'b' },
      { role: 'user', content: 'c' },
    ];
    const result = trimHistory(messages, 'lite', { ...exact, maxInputTokens: 3 });
    expect(result.messages).toEqual(messages.slice(1));
    expect(result.dropped).toEqual([messages[0]]);
  });

  it('reserves min(defaultMaxTokens, contextWindow / 2) for the answer by default', () => {
    expect(trimHistory(conversation(0), 'lite').budget).toBe(8192 - 4096);
    expect(trimHistory(conversation(0), 'pro-128k').budget).toBe(131072 - 4096);
    expect(trimHistory(conversation(0), 'x1').budget).toBe(65536 - 32768);
    const small = resolveModel({ url: 'wss://a.example/chat', domain: 'd', contextWindow: 1000 });
    expect(trimHistory(conversation(0), small).budget).toBe(500);
  });

  it('applies reserveOutputTokens and maxInputTokens as documented', () => {
    expect(trimHistory(conversation(0), 'max-32k', { reserveOutputTokens: 1000 }).budget).toBe(32768 - 1000);
    expect(trimHistory(conversation(0), 'max-32k', { maxInputTokens: 20_000 }).budget).toBe(20_000);
    expect(
      trimHistory(conversation(0), 'max-32k', { maxInputTokens: 32_000, reserveOutputTokens: 8192 }).budget,
    ).toBe(32768 - 8192);
  });

  it('counts a per-message overhead with the default estimator', () => {
    const result = trimHistory([{ role: 'user', content: '' }], 'lite');
    expect(result.estimatedTokens).toBe(3);
  });

  it('estimates each message exactly once', () => {
    const estimator = vi.fn(byLength);
    const messages = conversation(50);
    trimHistory(messages, 'lite', { estimator, maxInputTokens: 100 });
    expect(estimator).toHaveBeenCalledTimes(messages.length);
  });

  it('keeps only the system message when there is no user message', () => {
    const result = trimHistory([system, { role: 'assistant', content: 'x' }], 'lite', exact);
    expect(result.messages).toEqual([system]);
    expect(result.dropped).toEqual([{ role: 'assistant', content: 'x' }]);
  });

  it('handles an empty conversation', () => {
    expect(trimHistory([], 'lite', exact)).toMatchObject({
      messages: [],
      dropped: [],
      estimatedTokens: 0,
      fits: true,
    });
  });

  it('rejects bad input with typed errors', () => {
    expect(() => trimHistory('x' as unknown as ChatMessage[], 'lite')).toThrow(SparkInvalidRequestError);
    expect(() => trimHistory([{ role: 'user' } as ChatMessage], 'lite')).toThrow(SparkInvalidRequestError);
    expect(() => trimHistory(conversation(1), 'lite', { maxInputTokens: 0 })).toThrow(SparkConfigError);
    expect(() => trimHistory(conversation(1), 'lite', { reserveOutputTokens: -1 })).toThrow(SparkConfigError);
    expect(() => trimHistory(conversation(1), 'lite', { estimator: () => Number.NaN })).toThrow(
      SparkConfigError,
    );
    expect(() => trimHistory(conversation(1), 'nope')).toThrow(SparkConfigError);
  });

  it('trims 100,000 messages', () => {
    const messages = conversation(50_000);
    const result = trimHistory(messages, 'lite', { ...exact, maxInputTokens: 1_000 });
    expect(result.messages.length + result.dropped.length).toBe(messages.length);
    expect(result.fits).toBe(true);
  });

  describe('properties', () => {
    const message = (role: ChatMessage['role']) =>
      fc.string({ maxLength: 40 }).map((content): ChatMessage => ({ role, content }));
    const history = fc
      .record({
        system: fc.option(message('system'), { nil: undefined }),
        leadingAssistant: fc.boolean(),
        turns: fc.array(fc.tuple(message('user'), fc.option(message('assistant'), { nil: undefined })), {
          maxLength: 30,
        }),
        question: message('user'),
      })
      .map(({ system: systemMessage, leadingAssistant, turns, question }) => [
        ...(systemMessage ? [systemMessage] : []),
        ...(leadingAssistant ? [{ role: 'assistant', content: 'hello' } as ChatMessage] : []),
        ...turns.flatMap(([user, assistant]) => (assistant ? [user, assistant] : [user])),
        question,
      ]);
    const cost = (messages: readonly ChatMessage[]) =>
      messages.reduce((sum, item) => sum + item.content.length, 0);

    it('keeps the system message and the last user message, preserves order, and loses nothing', () => {
      fc.assert(
        fc.property(history, fc.integer({ min: 1, max: 800 }), (messages, maxInputTokens) => {
          const result = trimHistory(messages, 'lite', { ...exact, maxInputTokens });
          const hasSystem = messages[0]?.role === 'system';
          if (hasSystem) expect(result.messages[0]).toBe(messages[0]);
          expect(result.messages.at(-1)).toBe(messages.at(-1));
          // Kept = system + a suffix; dropped = everything between; together the input, in order.
          const start = hasSystem ? 1 : 0;
          const suffix = result.messages.slice(start);
          expect(suffix).toEqual(messages.slice(messages.length - suffix.length));
          expect(result.dropped).toEqual(messages.slice(start, messages.length - suffix.length));
          expect(result.messages.length + result.dropped.length).toBe(messages.length);
          // A suffix of whole turns: it starts with a user message.
          expect(suffix[0]?.role).toBe('user');
          expect(result.estimatedTokens).toBe(cost(result.messages));
        }),
        { numRuns: 400 },
      );
    });

    it('fits whenever the system message and the question fit, and keeps the most turns that do', () => {
      fc.assert(
        fc.property(history, fc.integer({ min: 1, max: 800 }), (messages, maxInputTokens) => {
          const result = trimHistory(messages, 'lite', { ...exact, maxInputTokens });
          const hasSystem = messages[0]?.role === 'system';
          const minimum = cost([...(hasSystem ? [messages[0]!] : []), messages.at(-1)!]);
          expect(result.fits).toBe(minimum <= maxInputTokens);
          expect(result.fits).toBe(result.estimatedTokens <= maxInputTokens);
          if (result.fits && result.dropped.length > 0) {
            // Keeping the newest dropped turn as well would not fit.
            const lastDroppedUser = result.dropped.map((item) => item.role).lastIndexOf('user');
            if (lastDroppedUser !== -1) {
              const larger = result.estimatedTokens + cost(result.dropped.slice(lastDroppedUser));
              expect(larger).toBeGreaterThan(maxInputTokens);
            }
          }
        }),
        { numRuns: 400 },
      );
    });
  });
});
