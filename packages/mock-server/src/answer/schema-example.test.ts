import { describe, expect, it } from 'vitest';
import { exampleForSchema } from './schema-example.js';

describe('exampleForSchema', () => {
  it('fills required properties with a value of their type, and only those', () => {
    const schema = {
      type: 'object',
      properties: {
        city: { type: 'string' },
        days: { type: 'integer' },
        ratio: { type: 'number' },
        sunny: { type: 'boolean' },
        unit: { type: 'string', enum: ['c', 'f'] },
        tags: { type: 'array', items: { type: 'string' } },
        note: { type: 'string' },
      },
      required: ['city', 'days', 'ratio', 'sunny', 'unit', 'tags'],
      additionalProperties: false,
    };
    expect(exampleForSchema(schema)).toEqual({
      city: '示例',
      days: 1,
      ratio: 1,
      sunny: true,
      unit: 'c',
      tags: ['示例'],
    });
  });

  it('fills every property when the schema lists none as required', () => {
    expect(
      exampleForSchema({ type: 'object', properties: { a: { type: 'string' }, b: { type: 'number' } } }),
    ).toEqual({
      a: '示例',
      b: 1,
    });
  });

  it('honours const, default, bounds, multipleOf and exclusive bounds', () => {
    expect(exampleForSchema({ const: 'fixed' })).toBe('fixed');
    expect(exampleForSchema({ type: 'integer', default: 7 })).toBe(7);
    expect(exampleForSchema({ type: 'integer', minimum: 10, maximum: 20 })).toBe(10);
    expect(exampleForSchema({ type: 'integer', maximum: 0 })).toBe(0);
    expect(exampleForSchema({ type: 'integer', exclusiveMinimum: 1 })).toBe(2);
    expect(exampleForSchema({ type: 'number', exclusiveMaximum: 1 })).toBe(0.5);
    expect(exampleForSchema({ type: 'integer', minimum: 3, multipleOf: 5 })).toBe(5);
  });

  it('honours string formats, lengths and simple patterns', () => {
    expect(exampleForSchema({ type: 'string', format: 'email' })).toBe('user@example.com');
    expect(exampleForSchema({ type: 'string', format: 'date-time' })).toBe('2024-01-01T08:00:00Z');
    expect(exampleForSchema({ type: 'string', minLength: 5 })).toHaveLength(5);
    expect(exampleForSchema({ type: 'string', maxLength: 1 })).toBe('示');
    expect(exampleForSchema({ type: 'string', pattern: '^[0-9]+$' })).toBe('1');
  });

  it('picks the first non-null alternative, merges allOf and follows local $refs', () => {
    expect(exampleForSchema({ anyOf: [{ type: 'null' }, { type: 'integer' }] })).toBe(1);
    expect(exampleForSchema({ type: ['null', 'boolean'] })).toBe(true);
    expect(
      exampleForSchema({
        allOf: [
          { type: 'object', properties: { a: { type: 'string' } }, required: ['a'] },
          { properties: { b: { type: 'integer' } }, required: ['b'] },
        ],
      }),
    ).toEqual({ a: '示例', b: 1 });
    const withDefinitions = {
      type: 'object',
      properties: { place: { $ref: '#/$defs/Place' } },
      required: ['place'],
      $defs: { Place: { type: 'object', properties: { name: { type: 'string' } }, required: ['name'] } },
    };
    expect(exampleForSchema(withDefinitions)).toEqual({ place: { name: '示例' } });
  });

  it('honours minItems and maxItems and stops on recursive schemas', () => {
    expect(exampleForSchema({ type: 'array', items: { type: 'integer' }, minItems: 3 })).toEqual([1, 1, 1]);
    expect(exampleForSchema({ type: 'array', items: { type: 'integer' }, maxItems: 0 })).toEqual([]);
    const tree = {
      type: 'object',
      properties: { child: { $ref: '#' } },
      required: ['child'],
    };
    expect(JSON.stringify(exampleForSchema(tree))).toMatch(/^(\{"child":)+\{\}\}+$/);
  });
});
