/**
 * `abortSignal` stops a Spark exchange mid-stream and closes its socket (WebSocket) or ends its
 * request (HTTP), over both protocols.
 */

import type { MockSpark } from '@xinghuo/mock-server';
import { useMockSpark } from '@xinghuo/mock-server/vitest';
import { streamText } from 'ai';
import { describe, expect, it } from 'vitest';
import { eventually } from '../../../test-support/eventually';
import { mockHttpProvider, mockProvider } from './helpers/mock-provider';

const PROTOCOLS = [
  { protocol: 'ws', provider: mockProvider, open: (mock: MockSpark) => mock.openSockets() },
  { protocol: 'http', provider: mockHttpProvider, open: (mock: MockSpark) => mock.openHttpRequests() },
] as const;

describe.each(PROTOCOLS)('abort over $protocol', ({ provider, open }) => {
  const mock = useMockSpark();

  it('aborting mid-stream ends streamText with an abort part and closes the connection', async () => {
    // Two frames, then the mock keeps the socket open and silent: only the abort can end this stream.
    mock().enqueue({
      text: '一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十',
      stall: { afterFrames: 2 },
    });
    const controller = new AbortController();
    const result = streamText({
      model: provider(mock())('max'),
      prompt: '数数',
      abortSignal: controller.signal,
    });

    const types: string[] = [];
    let text = '';
    for await (const part of result.fullStream) {
      types.push(part.type);
      if (part.type === 'text-delta') {
        text += part.text;
        controller.abort();
      }
    }
    expect(text).toBe('一二三四五六七八九十');
    expect(types.at(-1)).toBe('abort');
    expect(await eventually(() => open(mock()) === 0)).toBe(true);
  });

  it('cancelling the model stream (a reader that stops early) closes the connection', async () => {
    mock().enqueue({
      text: '一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十',
      stall: { afterFrames: 2 },
    });
    const { stream } = await provider(mock())('max').doStream({
      prompt: [{ role: 'user', content: [{ type: 'text', text: '数数' }] }],
    });
    const reader = stream.getReader();
    const parts: string[] = [];
    while (!parts.includes('text-delta')) {
      const read = await reader.read();
      if (read.done) break;
      parts.push(read.value.type);
    }
    await reader.cancel();
    expect(parts).toEqual(['stream-start', 'text-start', 'text-delta']);
    expect(await eventually(() => open(mock()) === 0)).toBe(true);
  });

  it('an already aborted signal rejects doStream before any connection opens', async () => {
    const controller = new AbortController();
    controller.abort();
    const model = provider(mock())('max');
    await expect(
      model.doStream({
        prompt: [{ role: 'user', content: [{ type: 'text', text: '你好' }] }],
        abortSignal: controller.signal,
      }),
    ).rejects.toMatchObject({ name: 'AbortError' });
    expect(mock().connections).toHaveLength(0);
  });
});
