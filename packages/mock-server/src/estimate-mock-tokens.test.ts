import { describe, expect, it } from 'vitest';
import { estimateMockTokens } from './estimate-mock-tokens.js';

describe('estimateMockTokens', () => {
  it('counts about 1.5 Chinese characters per token', () => {
    expect(estimateMockTokens('星'.repeat(15))).toBe(10);
  });

  it('counts about 0.8 English words per token', () => {
    expect(estimateMockTokens('one two three four')).toBe(5);
  });

  it('adds both for mixed text and ignores punctuation and spaces', () => {
    expect(estimateMockTokens('你好, world!')).toBe(Math.ceil(2 / 1.5 + 1 / 0.8));
  });

  it('gives 0 for empty text and at least 1 otherwise', () => {
    expect(estimateMockTokens('')).toBe(0);
    expect(estimateMockTokens('?')).toBe(1);
  });
});
