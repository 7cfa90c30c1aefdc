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

  it('names an unknown flag and suggests the closest known one', () => {
    expect(() => parseCliArguments(['chat', '--mokc'])).toThrow(
      'Unknown option --mokc. Did you mean --mock?',
    );
    expect(() => parseCliArguments(['ask', '--temprature', '1'])).toThrow('Did you mean --temperature?');
    expect(() => parseCliArguments(['ask', '--verbose'])).toThrow(/^Unknown option --verbose\.$/);
    expect(() => parseCliArguments(['ask', '-x'])).toThrow(/^Unknown option -x\.$/);
  });

  it('takes values that look like flags after -- as positionals', () => {
    expect(parseCliArguments(['ask', '--', '--mokc']).positionals).toEqual(['--mokc']);
  });

  it('parses --mock-latency as a non-negative integer and --model-url as text', () => {
    const parsed = parseCliArguments(['ask', '--mock', '--mock-latency', '0', '--model-url', 'wss://h/p']);
    expect(parsed.options).toMatchObject({ mock: true, mockLatencyMs: 0, modelUrl: 'wss://h/p' });
    expect(() => parseCliArguments(['ask', '--mock-latency=-5'])).toThrow(/cannot be negative/);
    expect(() => parseCliArguments(['ask', '--mock-latency', 'fast'])).toThrow(/integer/);
  });

  it('parses --protocol ws|http (any case), rejects anything else, and suggests it for a typo', () => {
    expect(parseCliArguments(['ask', '--protocol', 'http', 'q']).options.protocol).toBe('http');
    expect(parseCliArguments(['ask', '--protocol=WS', 'q']).options.protocol).toBe('ws');
    expect(parseCliArguments(['ask', 'q']).options.protocol).toBeUndefined();
    expect(() => parseCliArguments(['ask', '--protocol', 'grpc'])).toThrow(
      '--protocol expects "ws" or "http", got "grpc".',
    );
    expect(() => parseCliArguments(['ask', '--protocl', 'http'])).toThrow('Did you mean --protocol?');
  });
});
