import { describe, expect, it } from 'vitest';
import { SparkAbortError, SparkConnectionError, SparkError, SparkProtocolError } from '../errors';
import { collect, makeClient, QUESTION } from '../internal-test-support/client-fixtures';
import {
  answerFrames,
  createMemoryTransport,
  errorFrame,
  respondWith,
  searchResultsFrame,
  textFrame,
} from '../testing';
import { readChatStream } from './read-chat-stream';

const FRAMES = [
  searchResultsFrame([{ url: 'https://example.com/', title: 'Example' }]),
  ...answerFrames('星火你好', { chunkSize: 2, reasoning: ['想一想'] }),
];

async function bytesOf(stream: ReadableStream<Uint8Array>): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  for await (const chunk of stream as unknown as AsyncIterable<Uint8Array>) chunks.push(chunk);
  const all = new Uint8Array(chunks.reduce((sum, chunk) => sum + chunk.length, 0));
  let at = 0;
  for (const chunk of chunks) {
    all.set(chunk, at);
    at += chunk.length;
  }
  return all;
}

/** A body that hands out `bytes` in pieces of `size` bytes, splitting UTF-8 characters and lines. */
function bodyOf(bytes: Uint8Array, size: number): ReadableStream<Uint8Array> {
  let at = 0;
  return new ReadableStream({
    pull(controller) {
      if (at >= bytes.length) {
        controller.close();
        return;
      }
      controller.enqueue(bytes.slice(at, at + size));
      at += size;
    },
  });
}

describe('ChatStream.toReadableStream', () => {
  it('writes every event as one JSON line', async () => {
    const stream = makeClient(createMemoryTransport(respondWith(FRAMES))).stream(QUESTION);
    const text = new TextDecoder().decode(await bytesOf(stream.toReadableStream()));

    expect(text.endsWith('\n')).toBe(true);
    const lines = text
      .trimEnd()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(lines.map((line) => line.type)).toEqual([
      'search-results',
      'reasoning-delta',
      'text-delta',
      'text-delta',
      'usage',
      'end',
    ]);
    expect(lines.at(-1).result).toEqual(await stream.finalResult());
  });

  it('ends with an error line that keeps the code but no secret', async () => {
    const client = makeClient(createMemoryTransport(respondWith([errorFrame(11200)])));
    const text = new TextDecoder().decode(await bytesOf(client.stream(QUESTION).toReadableStream()));

    const last = JSON.parse(text.trimEnd().split('\n').at(-1) as string);
    expect(last).toMatchObject({ type: 'error', error: { code: 'permission_denied', sparkCode: 11200 } });
    expect(text).not.toContain('TestSecret');
  });

  it('aborts the exchange and closes the socket when the reader cancels', async () => {
    const transport = createMemoryTransport(async (server) => {
      await server.request;
      server.send(textFrame('第一段', { status: 0, seq: 0 }));
    });
    const stream = makeClient(transport).stream(QUESTION);
    const reader = stream.toReadableStream().getReader();
    await reader.read();

    await reader.cancel();

    await expect(stream.finalResult()).rejects.toBeInstanceOf(SparkAbortError);
    expect(transport.openConnections()).toHaveLength(0);
  });
});

describe('readChatStream', () => {
  it('gives back the same events and result, whatever the chunking of the bytes', async () => {
    const original = makeClient(createMemoryTransport(respondWith(FRAMES))).stream(QUESTION);
    const bytes = await bytesOf(original.toReadableStream());
    const expected = await collect(makeClient(createMemoryTransport(respondWith(FRAMES))).stream(QUESTION));

    for (const size of [1, 7, bytes.length]) {
      const relayed = readChatStream(bodyOf(bytes, size));
      expect(await collect(relayed)).toEqual(expected);
      expect(await relayed.finalResult()).toEqual(await original.finalResult());
    }
  });

  it('streams text through textStream', async () => {
    const bytes = await bytesOf(
      makeClient(createMemoryTransport(respondWith(FRAMES)))
        .stream(QUESTION)
        .toReadableStream(),
    );
    const texts: string[] = [];
    for await (const text of readChatStream(bodyOf(bytes, 5)).textStream) texts.push(text);
    expect(texts.join('')).toBe('星火你好');
  });

  it('fails with the relayed error code after the events before it', async () => {
    const client = makeClient(createMemoryTransport(respondWith([errorFrame(11200)])));
    const relayed = readChatStream(client.stream(QUESTION).toReadableStream());

    const error = await relayed.finalResult().catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(SparkError);
    expect(error).toMatchObject({
      code: 'permission_denied',
      name: 'SparkPermissionError',
      sparkCode: 11200,
    });
  });

  it('fails a body that ends before the end event, or carries a line that is not an event', async () => {
    const encoder = new TextEncoder();
    const truncated = readChatStream(bodyOf(encoder.encode('{"type":"text-delta","text":"半"}\n'), 4));
    const seen: unknown[] = [];
    await expect(
      (async () => {
        for await (const event of truncated) seen.push(event);
      })(),
    ).rejects.toBeInstanceOf(SparkConnectionError);
    expect(seen).toEqual([{ type: 'text-delta', text: '半' }]);

    await expect(
      readChatStream(bodyOf(encoder.encode('<html>\n'), 100)).finalResult(),
    ).rejects.toBeInstanceOf(SparkProtocolError);
    await expect(
      readChatStream(bodyOf(encoder.encode('{"type":"exec"}\n'), 100)).finalResult(),
    ).rejects.toBeInstanceOf(SparkProtocolError);
  });

  it('aborts with its signal and cancels the body', async () => {
    let cancelled = false;
    const silent = new ReadableStream<Uint8Array>({
      cancel() {
        cancelled = true;
      },
    });
    const controller = new AbortController();
    const relayed = readChatStream(silent, { signal: controller.signal });
    controller.abort();

    await expect(relayed.finalResult()).rejects.toBeInstanceOf(SparkAbortError);
    expect(cancelled).toBe(true);
  });
});
