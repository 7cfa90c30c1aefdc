import { describe, expect, it } from 'vitest';
import { eventually } from '../../../../test-support/eventually';
import { SparkConfigError, SparkPermissionError } from '../errors';
import { collect, makeClient, QUESTION } from '../internal-test-support/client-fixtures';
import {
  answerFrames,
  createMemoryTransport,
  errorFrame,
  functionCallFrame,
  respondWith,
  searchResultsFrame,
} from '../testing';
import type { SparkStreamEvent } from '../types';

const types = (events: SparkStreamEvent[]) => events.map((event) => event.type);

describe('client.stream events', () => {
  it('emits text deltas in order, then usage, then end with the result', async () => {
    const transport = createMemoryTransport(respondWith(answerFrames('一二三四五', { chunkSize: 2 })));
    const stream = makeClient(transport).stream(QUESTION);

    const events = await collect(stream);

    expect(types(events)).toEqual(['text-delta', 'text-delta', 'text-delta', 'usage', 'end']);
    expect(events.slice(0, 3)).toEqual([
      { type: 'text-delta', text: '一二' },
      { type: 'text-delta', text: '三四' },
      { type: 'text-delta', text: '五' },
    ]);
    const end = events.at(-1);
    expect(end?.type === 'end' && end.result).toEqual(await stream.finalResult());
    expect(transport.openConnections()).toHaveLength(0);
  });

  it('emits search results first, reasoning before the answer, and usage last', async () => {
    const frames = [
      searchResultsFrame([{ url: 'https://example.com/', title: 'Example' }]),
      ...answerFrames('答', { reasoning: ['想', '好了'] }),
    ];
    const events = await collect(makeClient(createMemoryTransport(respondWith(frames))).stream(QUESTION));

    expect(types(events)).toEqual([
      'search-results',
      'reasoning-delta',
      'reasoning-delta',
      'text-delta',
      'usage',
      'end',
    ]);
    expect(events[0]).toEqual({
      type: 'search-results',
      results: [{ index: 1, url: 'https://example.com/', title: 'Example' }],
    });
    expect(events[2]).toEqual({ type: 'reasoning-delta', text: '好了' });
  });

  it('emits a function-call event', async () => {
    const frames = [functionCallFrame('multiply', '{"a":12,"b":12}')];
    const events = await collect(makeClient(createMemoryTransport(respondWith(frames))).stream(QUESTION));

    expect(types(events)).toEqual(['function-call', 'usage', 'end']);
    expect(events[0]).toMatchObject({
      functionCall: { name: 'multiply', parsedArguments: { a: 12, b: 12 } },
    });
  });

  it('gives finalResult without the events being read', async () => {
    const stream = makeClient(createMemoryTransport(respondWith(answerFrames('只要结果')))).stream(QUESTION);
    expect((await stream.finalResult()).text).toBe('只要结果');
  });

  it('yields only the text through textStream', async () => {
    const stream = makeClient(
      createMemoryTransport(respondWith(answerFrames('abcdef', { chunkSize: 2 }))),
    ).stream(QUESTION);
    const texts: string[] = [];
    for await (const text of stream.textStream) texts.push(text);

    expect(texts).toEqual(['ab', 'cd', 'ef']);
    expect((await stream.finalResult()).text).toBe('abcdef');
  });

  it('refuses a second reader with a clear error', async () => {
    const stream = makeClient(createMemoryTransport(respondWith(answerFrames('once')))).stream(QUESTION);
    await collect(stream);

    expect(() => stream[Symbol.asyncIterator]()).toThrow(SparkConfigError);
    await expect(async () => {
      for await (const _ of stream.textStream) break;
    }).rejects.toThrow(/already being read/);
  });

  it('throws the stream error from the iteration after the events received before it', async () => {
    const frames = [errorFrame(11200)];
    const stream = makeClient(createMemoryTransport(respondWith(frames))).stream(QUESTION);
    const seen: SparkStreamEvent[] = [];
    const error = await (async () => {
      for await (const event of stream) seen.push(event);
    })().catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(SparkPermissionError);
    expect(seen).toEqual([]);
    await expect(stream.finalResult()).rejects.toBe(error);
  });

  it('causes no unhandled rejection when a failing stream is never read', async () => {
    // Vitest fails the run on an unhandled rejection, so creating and dropping these is the assertion.
    const client = makeClient(createMemoryTransport(respondWith([errorFrame(10013)])), { maxRetries: 0 });
    const streams = [client.stream(QUESTION), client.stream({ ...QUESTION, temperature: 5 })];
    expect(await eventually(() => streams.every((stream) => stream.settled))).toBe(true);
  });

  it('starts the request when the stream is created', async () => {
    const transport = createMemoryTransport(respondWith(answerFrames('eager')));
    makeClient(transport).stream(QUESTION);
    // Nobody reads the stream: the connection opens all the same.
    await transport.connectionAt(0);
    expect(transport.connections).toHaveLength(1);
  });
});
