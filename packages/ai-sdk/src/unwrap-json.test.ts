import { describe, expect, it } from 'vitest';
import { unwrapJson } from './unwrap-json';

describe('unwrapJson', () => {
  it('keeps bare JSON as it is', () => {
    expect(unwrapJson('{"a":1}')).toBe('{"a":1}');
    expect(unwrapJson('[1,2]')).toBe('[1,2]');
  });

  it('takes the JSON out of a code fence or a sentence', () => {
    expect(unwrapJson('好的：\n```json\n{"a":1}\n```\n希望有帮助。')).toBe('{"a":1}');
    expect(unwrapJson('The answer is {"a":{"b":2}}.')).toBe('{"a":{"b":2}}');
  });

  it('keeps an array whose items are objects whole', () => {
    expect(unwrapJson('```\n[{"a":1},{"a":2}]\n```')).toBe('[{"a":1},{"a":2}]');
  });

  it('gives text without valid JSON back unchanged, for the AI SDK to report', () => {
    expect(unwrapJson('no json here')).toBe('no json here');
    expect(unwrapJson('{"a":')).toBe('{"a":');
  });
});
