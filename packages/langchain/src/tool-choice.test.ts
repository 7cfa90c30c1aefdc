import { SparkInvalidRequestError } from '@xinghuo/core';
import { describe, expect, it } from 'vitest';
import { selectFunctions, toolChoiceInstruction, toSparkToolChoice } from './tool-choice';

const functions = ['a', 'b'].map((name) => ({
  name,
  description: name,
  parameters: { type: 'object' as const, properties: {} },
}));

describe('selectFunctions', () => {
  it('sends all functions for auto, any, required or no choice', () => {
    for (const choice of [undefined, 'auto', 'any', 'required']) {
      expect(selectFunctions(functions, choice).map((fn) => fn.name)).toEqual(['a', 'b']);
    }
  });

  it('sends none for none, and only the named one for a name or an OpenAI-style choice', () => {
    expect(selectFunctions(functions, 'none')).toEqual([]);
    expect(selectFunctions(functions, 'b').map((fn) => fn.name)).toEqual(['b']);
    expect(
      selectFunctions(functions, { type: 'function', function: { name: 'a' } }).map((fn) => fn.name),
    ).toEqual(['a']);
  });

  it('rejects a choice naming a tool that is not bound', () => {
    expect(() => selectFunctions(functions, 'c')).toThrow(SparkInvalidRequestError);
  });
});

describe('toolChoiceInstruction', () => {
  it('asks for a call when one is forced, and for nothing otherwise', () => {
    expect(toolChoiceInstruction(functions, 'b')).toBe(
      'Answer by calling the function "b"; do not answer in text.',
    );
    expect(toolChoiceInstruction(functions, { type: 'function', function: { name: 'a' } })).toMatch(/"a"/);
    expect(toolChoiceInstruction(functions, 'any')).toMatch(/one of the functions/);
    expect(toolChoiceInstruction(functions, 'required')).toMatch(/one of the functions/);
    for (const choice of [undefined, 'auto', 'none'])
      expect(toolChoiceInstruction(functions, choice)).toBeUndefined();
    expect(toolChoiceInstruction([], 'required')).toBeUndefined();
  });
});

describe('toSparkToolChoice (HTTP)', () => {
  it('maps auto and none as they are, any and required to required, a name to { name }', () => {
    expect(toSparkToolChoice(functions, 'auto')).toBe('auto');
    expect(toSparkToolChoice(functions, 'none')).toBe('none');
    expect(toSparkToolChoice(functions, 'any')).toBe('required');
    expect(toSparkToolChoice(functions, 'required')).toBe('required');
    expect(toSparkToolChoice(functions, 'b')).toEqual({ name: 'b' });
    expect(toSparkToolChoice(functions, { type: 'function', function: { name: 'a' } })).toEqual({
      name: 'a',
    });
  });

  it('sends no choice without one or without tools, and rejects an unbound name', () => {
    expect(toSparkToolChoice(functions, undefined)).toBeUndefined();
    expect(toSparkToolChoice([], 'required')).toBeUndefined();
    expect(() => toSparkToolChoice(functions, 'c')).toThrow(SparkInvalidRequestError);
  });
});
