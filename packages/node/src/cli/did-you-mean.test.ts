import { describe, expect, it } from 'vitest';
import { closestMatch, editDistance } from './did-you-mean';

describe('editDistance', () => {
  it.each([
    ['mock', 'mock', 0],
    ['mokc', 'mock', 1],
    ['mck', 'mock', 1],
    ['mockk', 'mock', 1],
    ['modle', 'model', 1],
    ['kitten', 'sitting', 3],
    ['', 'abc', 3],
  ])('%s → %s is %i', (a, b, expected) => {
    expect(editDistance(a, b)).toBe(expected);
    expect(editDistance(b, a)).toBe(expected);
  });
});

describe('closestMatch', () => {
  const flags = ['model', 'system', 'temperature', 'max-tokens', 'base-url', 'proxy', 'mock', 'json'];

  it('suggests the flag one typo away', () => {
    expect(closestMatch('mokc', flags)).toBe('mock');
    expect(closestMatch('temprature', flags)).toBe('temperature');
    expect(closestMatch('max-token', flags)).toBe('max-tokens');
    expect(closestMatch('JSON', flags)).toBe('json');
  });

  it('suggests nothing for a different word', () => {
    expect(closestMatch('gpt-4o', ['lite', 'max', 'pro', 'ultra', 'x1'])).toBeUndefined();
    expect(closestMatch('verbose', flags)).toBeUndefined();
    expect(closestMatch('ab', ['xy'])).toBeUndefined();
  });

  it('prefers the closest of several candidates', () => {
    expect(closestMatch('chta', ['ask', 'chat', 'doctor'])).toBe('chat');
    expect(closestMatch('mode', ['model', 'mock'])).toBe('model');
  });
});
