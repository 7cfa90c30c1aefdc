/**
 * JSON output (generateObject, Output.object) by instruction, as Spark has no JSON mode.
 */
import { useMockSpark } from '@xinghuo/mock-server/vitest';
import { generateObject, generateText, Output } from 'ai';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { mockProvider, receivedMessages } from './helpers/mock-provider';

const Weather = z.object({ city: z.string(), temperature: z.number() });

describe('structured output', () => {
  const mock = useMockSpark();

  it('generateObject: asks for JSON matching the schema and parses a fenced answer', async () => {
    mock().enqueue({ text: '好的：\n```json\n{"city":"北京","temperature":21}\n```' });
    const result = await generateObject({
      model: mockProvider(mock())('max'),
      schema: Weather,
      prompt: '北京天气',
    });

    expect(result.object).toEqual({ city: '北京', temperature: 21 });
    expect(result.warnings).toMatchObject([{ type: 'compatibility', feature: 'responseFormat' }]);
    const sent = receivedMessages(mock(), 0).at(-1)?.content ?? '';
    expect(sent).toMatch(/^北京天气\n\nAnswer with exactly one JSON value and nothing else/);
    const schema = JSON.parse(sent.slice(sent.indexOf('{'))) as { properties: Record<string, unknown> };
    expect(Object.keys(schema.properties)).toEqual(['city', 'temperature']);
  });

  it('Output.object with generateText', async () => {
    mock().enqueue({ text: '{"city":"上海","temperature":25}' });
    const result = await generateText({
      model: mockProvider(mock())('max'),
      output: Output.object({ schema: Weather }),
      prompt: '上海天气',
    });
    expect(result.output).toEqual({ city: '上海', temperature: 25 });
  });

  it('fails with the AI SDK error when the answer is not the schema', async () => {
    mock().enqueue({ text: '{"city":"上海"}' });
    await expect(
      generateObject({ model: mockProvider(mock())('max'), schema: Weather, prompt: '上海天气' }),
    ).rejects.toMatchObject({ name: 'AI_NoObjectGeneratedError', text: '{"city":"上海"}' });
  });
});
