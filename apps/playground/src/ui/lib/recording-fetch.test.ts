import { describe, expect, it } from 'vitest';
import type { RecordedExchange } from '../types';
import { createRecordingFetch } from './recording-fetch';

describe('createRecordingFetch', () => {
  it('records the body sent and every chunk received, in order, and passes the answer through', async () => {
    const chunks = ['data:{"a":1}\n\n', 'data:[DONE]\n\n'];
    const calls: { url: string; body: unknown }[] = [];
    const inner = async (url: string, init: RequestInit) => {
      calls.push({ url, body: init.body });
      const encoder = new TextEncoder();
      const stream = new ReadableStream<Uint8Array>({
        start(controller) {
          for (const chunk of chunks) controller.enqueue(encoder.encode(chunk));
          controller.close();
        },
      });
      return new Response(stream, { status: 200, headers: { 'content-type': 'text/event-stream' } });
    };
    const snapshots: RecordedExchange[] = [];
    const fetch = createRecordingFetch((exchange) => snapshots.push(exchange), inner);
    const response = await fetch('/api/spark/v1/chat/completions', {
      method: 'POST',
      body: '{"model":"lite"}',
    });
    expect(response.headers.get('content-type')).toBe('text/event-stream');
    expect(await response.text()).toBe(chunks.join(''));
    expect(calls).toEqual([{ url: '/api/spark/v1/chat/completions', body: '{"model":"lite"}' }]);
    const last = snapshots.at(-1);
    expect(last?.url).toBe('/api/spark/v1/chat/completions');
    expect(last?.protocol).toBe('http');
    expect(last?.frames.map((frame) => [frame.direction, frame.text])).toEqual([
      ['sent', '{"model":"lite"}'],
      ['received', chunks[0]],
      ['received', chunks[1]],
    ]);
    expect(snapshots[0]?.frames).toEqual([]);
  });
});
