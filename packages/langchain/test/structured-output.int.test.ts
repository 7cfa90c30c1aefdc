import { OutputParserException } from '@langchain/core/output_parsers';
import { useMockSpark } from '@xinghuo/mock-server/vitest';
import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { eventually } from '../../../test-support/eventually';
import { mockModel, receivedFrame, receivedMessages } from './helpers/mock-model';

const getMock = useMockSpark();

afterEach(async () => {
  expect(await eventually(() => getMock().openSockets() === 0)).toBe(true);
});

const Trip = z
  .object({ city: z.string().describe('目的地'), days: z.number().int().describe('天数') })
  .describe('A trip plan');

describe('withStructuredOutput via function calling', () => {
  it('sends the schema as the only function and returns the validated arguments', async () => {
    const mock = getMock();
    mock.enqueue({ functionCall: { name: 'Trip', arguments: { city: '合肥', days: 3 } } });
    const extractor = mockModel(mock).withStructuredOutput(Trip, { name: 'Trip' });
    await expect(extractor.invoke('下周去合肥玩三天')).resolves.toEqual({ city: '合肥', days: 3 });
    const functions = receivedFrame(mock, 0).payload.functions?.text ?? [];
    expect(functions).toHaveLength(1);
    expect(functions[0]).toMatchObject({
      name: 'Trip',
      description: 'A trip plan',
      parameters: { required: ['city', 'days'] },
    });
  });

  it('returns raw and parsed with includeRaw', async () => {
    const mock = getMock();
    mock.enqueue({ functionCall: { name: 'extract', arguments: { city: '黄山', days: 2 } } });
    const result = await mockModel(mock)
      .withStructuredOutput(Trip, { includeRaw: true })
      .invoke('黄山两日游');
    expect(result.parsed).toEqual({ city: '黄山', days: 2 });
    expect(result.raw.response_metadata.finish_reason).toBe('tool_calls');
  });

  it('rejects arguments that do not match the zod schema', async () => {
    const mock = getMock();
    mock.enqueue({ functionCall: { name: 'extract', arguments: { city: '合肥', days: 'three' } } });
    await expect(mockModel(mock).withStructuredOutput(Trip).invoke('x')).rejects.toThrow(/days/);
  });

  it('explains an answer in text instead of a call', async () => {
    const mock = getMock();
    mock.enqueue({ functionCall: false, text: '我不知道。' });
    await expect(mockModel(mock).withStructuredOutput(Trip).invoke('x')).rejects.toThrow(
      /instead of calling "extract"/,
    );
  });

  it('accepts a JSON schema', async () => {
    const mock = getMock();
    mock.enqueue({ functionCall: { name: 'Person', arguments: { name: '张三' } } });
    const schema = {
      title: 'Person',
      type: 'object',
      properties: { name: { type: 'string' } },
      required: ['name'],
    };
    await expect(mockModel(mock).withStructuredOutput(schema).invoke('x')).resolves.toEqual({ name: '张三' });
  });
});

describe('withStructuredOutput via JSON mode', () => {
  it('is the default for Lite, asks for JSON in the last user turn and validates the answer', async () => {
    const mock = getMock();
    mock.enqueue({ text: '好的：\n```json\n{"city": "合肥", "days": 3}\n```' });
    const extractor = mockModel(mock, { model: 'lite' }).withStructuredOutput(Trip);
    await expect(extractor.invoke('下周去合肥玩三天')).resolves.toEqual({ city: '合肥', days: 3 });
    const sent = receivedMessages(mock, 0);
    expect(sent).toHaveLength(1);
    expect(sent[0]?.content).toContain('下周去合肥玩三天');
    expect(sent[0]?.content).toContain('JSON schema');
    expect(receivedFrame(mock, 0).payload.functions).toBeUndefined();
  });

  it('asks once more with the validation error, and returns the repaired answer', async () => {
    const mock = getMock();
    mock.enqueue({ text: '{"city": "合肥"}' }, { text: '{"city": "合肥", "days": 3}' });
    const result = await mockModel(mock, { model: 'lite' })
      .withStructuredOutput(Trip, { method: 'jsonMode', includeRaw: true })
      .invoke('去合肥');
    expect(result.parsed).toEqual({ city: '合肥', days: 3 });
    expect(result.raw.content).toBe('{"city": "合肥", "days": 3}');
    const retry = receivedMessages(mock, 1);
    expect(retry.map((message) => message.role)).toEqual(['user', 'assistant', 'user']);
    expect(retry[1]?.content).toBe('{"city": "合肥"}');
    expect(retry[2]?.content).toContain('days');
  });

  it('fails with OutputParserException after the repair attempt fails too', async () => {
    const mock = getMock();
    mock.enqueue({ text: 'no json' }, { text: 'still no json' });
    const error = await mockModel(mock, { model: 'lite' })
      .withStructuredOutput(Trip)
      .invoke('x')
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(OutputParserException);
    expect(mock.requests).toHaveLength(2);
  });

  it('gives parsed null with includeRaw when nothing validates', async () => {
    const mock = getMock();
    mock.enqueue({ text: 'no json' });
    const result = await mockModel(mock, { model: 'max' })
      .withStructuredOutput(Trip, { method: 'jsonMode', includeRaw: true, repairAttempts: 0 })
      .invoke('x');
    expect(result.parsed).toBeNull();
    expect(result.raw.content).toBe('no json');
  });
});
