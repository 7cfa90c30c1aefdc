import { tool } from '@langchain/core/tools';
import { SparkInvalidRequestError } from '@xinghuo/core';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { toSparkFunction, toSparkFunctions, toSparkParameters } from './convert-tools';

const weatherSchema = z.object({ city: z.string().describe('City name'), days: z.number().optional() });

describe('toSparkFunction', () => {
  it('converts a LangChain tool with a zod schema', () => {
    const weather = tool(async () => 'sunny', {
      name: 'get_weather',
      description: 'Weather forecast',
      schema: weatherSchema,
    });
    const fn = toSparkFunction(weather);
    expect(fn.name).toBe('get_weather');
    expect(fn.description).toBe('Weather forecast');
    expect(fn.parameters.type).toBe('object');
    expect(fn.parameters.properties).toMatchObject({ city: { type: 'string', description: 'City name' } });
    expect(fn.parameters.required).toEqual(['city']);
    expect(fn.parameters).not.toHaveProperty('$schema');
  });

  it('converts an OpenAI-style tool', () => {
    const fn = toSparkFunction({
      type: 'function',
      function: {
        name: 'add',
        description: 'Adds',
        parameters: { type: 'object', properties: { a: { type: 'number' } }, required: ['a'] },
      },
    });
    expect(fn).toEqual({
      name: 'add',
      description: 'Adds',
      parameters: { type: 'object', properties: { a: { type: 'number' } }, required: ['a'] },
    });
  });

  it('converts a Spark definition whose parameters are a zod schema', () => {
    const fn = toSparkFunction({ name: 'weather', description: 'w', parameters: weatherSchema as never });
    expect(fn.parameters.properties).toHaveProperty('city');
  });

  it('converts { name, description, schema } objects and bare JSON schemas with a title', () => {
    expect(
      toSparkFunction({ name: 'f', description: 'd', schema: weatherSchema }).parameters.required,
    ).toEqual(['city']);
    const fromTitle = toSparkFunction({
      title: 'Person',
      description: 'A person',
      type: 'object',
      properties: { name: { type: 'string' } },
    });
    expect(fromTitle.name).toBe('Person');
    expect(fromTitle.parameters.properties).toEqual({ name: { type: 'string' } });
  });

  it('falls back to the name when the description is missing, because Spark requires one', () => {
    expect(
      toSparkFunction({ name: 'ping', parameters: { type: 'object', properties: {} } }).description,
    ).toBe('ping');
  });

  it('rejects a tool without a name and a non-object schema with typed errors', () => {
    expect(() =>
      toSparkFunction({ description: 'x', parameters: { type: 'object', properties: {} } }),
    ).toThrow(SparkInvalidRequestError);
    expect(() => toSparkFunction({ name: 'f', description: 'd', parameters: { type: 'string' } })).toThrow(
      /must describe an object/,
    );
    expect(() => toSparkFunction(42 as never)).toThrow(SparkInvalidRequestError);
  });
});

describe('toSparkFunctions', () => {
  it('rejects duplicate names, which Spark could not tell apart', () => {
    const definition = {
      name: 'f',
      description: 'd',
      parameters: { type: 'object' as const, properties: {} },
    };
    expect(() => toSparkFunctions([definition, definition])).toThrow(/named "f"/);
  });
});

describe('toSparkParameters', () => {
  it('gives an empty object schema when there is none', () => {
    expect(toSparkParameters(undefined, 'p')).toEqual({ type: 'object', properties: {} });
  });
});
