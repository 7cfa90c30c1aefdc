import { OutputParserException } from '@langchain/core/output_parsers';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { extractJson, jsonModeInstruction, validateStructured } from './structured-output';

describe('extractJson', () => {
  it('reads bare JSON, fenced JSON and JSON inside a sentence', () => {
    expect(extractJson('{"a":1}')).toEqual({ a: 1 });
    expect(extractJson('Here:\n```json\n{"a": [1, 2]}\n```\nDone.')).toEqual({ a: [1, 2] });
    expect(extractJson('结果是 {"city":"合肥"} 。')).toEqual({ city: '合肥' });
  });

  it('throws OutputParserException when there is no JSON object', () => {
    expect(() => extractJson('no json here')).toThrow(OutputParserException);
    expect(() => extractJson('{not: json}')).toThrow(/not valid JSON/);
  });
});

describe('validateStructured', () => {
  const schema = z.object({ city: z.string(), days: z.number().int() });

  it('returns the value parsed by a zod schema and explains a mismatch', async () => {
    await expect(validateStructured(schema, { city: '合肥', days: 3 }, '')).resolves.toEqual({
      city: '合肥',
      days: 3,
    });
    await expect(validateStructured(schema, { city: '合肥', days: 'three' }, '')).rejects.toThrow(/days/);
  });

  it('validates against a JSON schema', async () => {
    const json = { type: 'object', properties: { n: { type: 'number' } }, required: ['n'] };
    await expect(validateStructured(json, { n: 1 }, '')).resolves.toEqual({ n: 1 });
    await expect(validateStructured(json, {}, '')).rejects.toThrow(OutputParserException);
  });
});

describe('jsonModeInstruction', () => {
  it('embeds the JSON schema', () => {
    expect(jsonModeInstruction({ type: 'object', properties: { a: { type: 'string' } } })).toContain(
      '"properties"',
    );
  });
});
