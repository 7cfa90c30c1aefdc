import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SparkInvalidRequestError } from '../errors/error-classes';
import { estimateTokens } from './estimate-tokens';

// Any UTF-16 code units, so lone and reversed surrogates occur too.
const utf16Text = fc
  .array(fc.integer({ min: 0, max: 0xffff }), { maxLength: 64 })
  .map((codes) => String.fromCharCode(...codes));

describe('estimateTokens', () => {
  it('counts nothing for empty or blank text', () => {
    expect(estimateTokens('')).toBe(0);
    expect(Object.is(estimateTokens(''), 0)).toBe(true);
    expect(estimateTokens(' \n\t ')).toBe(0);
  });

  it('counts about 1.5 Chinese characters per token', () => {
    expect(estimateTokens('你'.repeat(150))).toBe(100);
    expect(estimateTokens('你好')).toBe(2);
    expect(estimateTokens('你好世')).toBe(2);
  });

  it('counts about 0.8 English words per token', () => {
    expect(estimateTokens('word '.repeat(80))).toBe(100);
    expect(estimateTokens('Hello world')).toBe(3);
  });

  it('treats an apostrophe inside a word as part of it', () => {
    expect(estimateTokens("don't")).toBe(estimateTokens('dont'));
  });

  it('splits long words, identifiers and URLs into several tokens', () => {
    expect(estimateTokens('a'.repeat(80))).toBeGreaterThanOrEqual(10);
    expect(estimateTokens('https://spark-api.xf-yun.com/v3.5/chat')).toBeGreaterThan(10);
  });

  it('counts digits in groups of three and punctuation one by one', () => {
    expect(estimateTokens('123456789')).toBe(3);
    expect(estimateTokens('1234')).toBe(2);
    expect(estimateTokens('!?;')).toBe(3);
  });

  it('counts full-width punctuation like CJK text and emoji as two tokens', () => {
    expect(estimateTokens('，。')).toBe(2);
    expect(estimateTokens('😀')).toBe(2);
    expect(estimateTokens('𠀀𠀀𠀀')).toBe(2);
  });

  it('counts other alphabets as words', () => {
    expect(estimateTokens('привет мир')).toBe(3);
    expect(estimateTokens('café')).toBe(2);
  });

  it('is additive over text joined by a space, up to rounding', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), fc.string({ unit: 'grapheme' }), (left, right) => {
        const joined = estimateTokens(`${left} ${right}`);
        expect(joined).toBeLessThanOrEqual(estimateTokens(left) + estimateTokens(right) + 1);
        expect(joined).toBeGreaterThanOrEqual(estimateTokens(left) + estimateTokens(right) - 2);
      }),
      { numRuns: 300 },
    );
  });

  it('returns a non-negative integer for any text, including lone surrogates', () => {
    fc.assert(
      fc.property(utf16Text, (text) => {
        const tokens = estimateTokens(text);
        expect(Number.isInteger(tokens)).toBe(true);
        expect(tokens).toBeGreaterThanOrEqual(0);
        expect(tokens).toBeLessThanOrEqual(text.length * 2);
      }),
      { numRuns: 300 },
    );
  });

  it('handles adversarial input in one pass', () => {
    const long = `${'a'.repeat(200_000)}${"'".repeat(200_000)}${'1'.repeat(200_000)}`;
    expect(estimateTokens(long)).toBeGreaterThan(0);
  });

  it('rejects a non-string with a typed error', () => {
    expect(() => estimateTokens(42 as unknown as string)).toThrow(SparkInvalidRequestError);
  });
});
