import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readServerSentEvents } from './read-server-sent-events';

function streamOf(chunks: readonly Uint8Array[], onCancel?: () => void): ReadableStream<Uint8Array> {
  let index = 0;
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      const chunk = chunks[index++];
      if (chunk === undefined) controller.close();
      else controller.enqueue(chunk);
    },
    cancel() {
      onCancel?.();
    },
  });
}

async function collect(body: ReadableStream<Uint8Array>): Promise<string[]> {
  const received: string[] = [];
  await readServerSentEvents(body.getReader(), (data) => received.push(data));
  return received;
}

function splitAt(bytes: Uint8Array, cuts: readonly number[]): Uint8Array[] {
  const positions = [...new Set(cuts.map((cut) => cut % (bytes.length + 1)))].sort((a, b) => a - b);
  const chunks: Uint8Array[] = [];
  let start = 0;
  for (const position of positions) {
    chunks.push(bytes.subarray(start, position));
    start = position;
  }
  chunks.push(bytes.subarray(start));
  return chunks;
}

describe('readServerSentEvents', () => {
  const encoder = new TextEncoder();

  it('decodes a multi-byte character split between two chunks', async () => {
    const bytes = encoder.encode('data:{"content":"星火"}\n\n');
    const middleOfStar = bytes.indexOf(0xe6) + 1;
    expect(await collect(streamOf(splitAt(bytes, [middleOfStar])))).toEqual(['{"content":"星火"}']);
  });

  it('yields the same events for any split of the bytes, including inside characters', async () => {
    const body = fc
      .array(fc.string({ unit: 'grapheme', maxLength: 8 }), { minLength: 1, maxLength: 8 })
      .map((texts) => texts.map((text) => `data:${JSON.stringify({ content: text })}\r\n\r\n`).join(''));
    await fc.assert(
      fc.asyncProperty(body, fc.array(fc.nat(), { maxLength: 12 }), async (text, cuts) => {
        const bytes = encoder.encode(text);
        expect(await collect(streamOf(splitAt(bytes, cuts)))).toEqual(await collect(streamOf([bytes])));
      }),
    );
  });

  it('cancels the body and rejects when the event handler throws', async () => {
    let cancelled = false;
    const body = streamOf([encoder.encode('data:1\n\n'), encoder.encode('data:2\n\n')], () => {
      cancelled = true;
    });
    const seen: string[] = [];
    const stop = new Error('stop here');
    const reading = readServerSentEvents(body.getReader(), (data) => {
      seen.push(data);
      throw stop;
    });
    await expect(reading).rejects.toBe(stop);
    expect(seen).toEqual(['1']);
    expect(cancelled).toBe(true);
  });

  it('rejects with the failure of a body that errors mid-stream, after the events before it', async () => {
    const failure = new TypeError('terminated');
    let sent = false;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent) controller.error(failure);
        else controller.enqueue(encoder.encode('data:1\n\ndata:2'));
        sent = true;
      },
    });
    const seen: string[] = [];
    await expect(readServerSentEvents(body.getReader(), (data) => seen.push(data))).rejects.toBe(failure);
    expect(seen).toEqual(['1']);
  });
});
