import { describe, expect, it } from 'vitest';
import { formatTokens } from './format-tokens';

describe('formatTokens', () => {
  it('writes whole kibi-token windows as K and other counts with separators', () => {
    expect(formatTokens(131_072)).toBe('128K');
    expect(formatTokens(8_192)).toBe('8K');
    expect(formatTokens(1_500)).toBe('1,500');
    expect(formatTokens(84)).toBe('84');
  });
});
