import { describe, expect, it } from 'vitest';
import { CliUsageError, parseCliArguments } from './args';

describe('parseCliArguments', () => {
  it('parses the command, positionals and shared options', () => {
    const parsed = parseCliArguments([
      'ask',
      '-m',
      'max',
      '--temperature',
      '0.4',
      '--max-tokens',
      '100',
      '--json',
      '你好',
      '世界',
    ]);
    expect(parsed.command).toBe('ask');
    expect(parsed.positionals).toEqual(['你好', '世界']);
    expect(parsed.options).toMatchObject({
      model: 'max',
      temperature: 0.4,
      maxTokens: 100,
      json: true,
      mock: false,
    });
  });

  it('rejects unknown flags and malformed numbers with CliUsageError', () => {
    expect(() => parseCliArguments(['ask', '--nope'])).toThrow(CliUsageError);
    expect(() => parseCliArguments(['ask', '--max-tokens', '1.5'])).toThrow(/integer/);
    expect(() => parseCliArguments(['ask', '--temperature', ''])).toThrow(/number/);
  });
});
