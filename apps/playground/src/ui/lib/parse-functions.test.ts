import { describe, expect, it } from 'vitest';
import { parseFunctions } from './parse-functions';
import { DEFAULT_FUNCTIONS_JSON } from './storage';

describe('parseFunctions', () => {
  it('accepts the default definition and a single object', () => {
    const parsed = parseFunctions(DEFAULT_FUNCTIONS_JSON);
    expect(parsed.ok && parsed.functions.map((definition) => definition.name)).toEqual(['get_weather']);
    const single = parseFunctions(
      '{"name":"f","description":"d","parameters":{"type":"object","properties":{}}}',
    );
    expect(single.ok).toBe(true);
  });

  it('says what is wrong, naming the entry', () => {
    expect(parseFunctions('[')).toMatchObject({
      ok: false,
      error: expect.stringContaining('Not valid JSON'),
    });
    expect(
      parseFunctions('[{"name":"f","description":"d","parameters":{"type":"object","properties":{}}}, 3]'),
    ).toEqual({
      ok: false,
      error: 'Function 2 is not an object.',
    });
    expect(parseFunctions('{"description":"d"}')).toEqual({ ok: false, error: 'Function 1 needs a "name".' });
    expect(parseFunctions('{"name":"f","description":"d","parameters":{"type":"string"}}')).toMatchObject({
      ok: false,
      error: expect.stringContaining('"type": "object"'),
    });
  });
});
