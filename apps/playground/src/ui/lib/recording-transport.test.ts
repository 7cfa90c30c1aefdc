import type { SparkConnection, SparkTransport } from '@xinghuo/browser';
import { describe, expect, it } from 'vitest';
import type { RecordedExchange } from '../types';
import { createRecordingTransport } from './recording-transport';

function scriptedTransport(frames: string[]): {
  transport: SparkTransport;
  sent: string[];
  closed: number[];
} {
  const sent: string[] = [];
  const closed: number[] = [];
  const transport: SparkTransport = async () => {
    const connection: SparkConnection = {
      send: (text) => sent.push(text),
      async *messages() {
        yield* frames;
      },
      close: (code = 1000) => closed.push(code),
    };
    return connection;
  };
  return { transport, sent, closed };
}

describe('createRecordingTransport', () => {
  it('records the redacted URL and every frame in order, and passes everything through', async () => {
    const inner = scriptedTransport(['{"a":1}', 'not json']);
    const snapshots: RecordedExchange[] = [];
    const transport = createRecordingTransport(inner.transport, (exchange) => snapshots.push(exchange));
    const signed = 'ws://127.0.0.1:1/v1.1/chat?authorization=YXBpX2tleT0iYWJjIg&date=x&host=y';

    const connection = await transport(signed, {});
    connection.send('{"request":true}');
    const received: string[] = [];
    for await (const text of connection.messages()) received.push(text);
    connection.close(1000);

    expect(received).toEqual(['{"a":1}', 'not json']);
    expect(inner.sent).toEqual(['{"request":true}']);
    expect(inner.closed).toEqual([1000]);
    const last = snapshots.at(-1)!;
    expect(last.url).toContain('authorization=[REDACTED]');
    expect(last.url).not.toContain('YXBpX2tleT0i');
    expect(last.frames.map((frame) => [frame.sequence, frame.direction, frame.text])).toEqual([
      [0, 'sent', '{"request":true}'],
      [1, 'received', '{"a":1}'],
      [2, 'received', 'not json'],
    ]);
  });

  it('starts a new exchange for every connection', async () => {
    const snapshots: RecordedExchange[] = [];
    const transport = createRecordingTransport(scriptedTransport([]).transport, (exchange) =>
      snapshots.push(exchange),
    );
    (await transport('ws://h/a', {})).send('first');
    await transport('ws://h/b', {});
    expect(snapshots.at(-1)).toEqual({ url: 'ws://h/b', frames: [] });
  });
});
