/**
 * A route handler (Next.js App Router shape) that returns `streamText(...).toUIMessageStreamResponse()`,
 * served on a loopback HTTP server and read back as a UI message stream, as `useChat` does.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { useMockSpark } from '@xinghuo/mock-server/vitest';
import {
  convertToModelMessages,
  parseJsonEventStream,
  readUIMessageStream,
  streamText,
  type UIMessage,
  type UIMessageChunk,
  uiMessageChunkSchema,
} from 'ai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mockProvider } from './helpers/mock-provider';

describe('route handler with toUIMessageStreamResponse', () => {
  const mock = useMockSpark();
  let server: Server;
  let url: string;

  // The route handler of app/api/chat/route.ts.
  async function POST(request: Request): Promise<Response> {
    const { messages } = (await request.json()) as { messages: UIMessage[] };
    const result = streamText({
      model: mockProvider(mock())('x1'),
      messages: await convertToModelMessages(messages),
    });
    return result.toUIMessageStreamResponse({ sendReasoning: true });
  }

  beforeAll(async () => {
    // node:http in front of the (Request) => Response handler, as Next.js serves a route.
    server = createServer(async (incoming, outgoing) => {
      const body: Buffer[] = [];
      for await (const chunk of incoming) body.push(chunk as Buffer);
      const response = await POST(
        new Request(`http://127.0.0.1${incoming.url}`, {
          method: incoming.method ?? 'POST',
          headers: incoming.headers as Record<string, string>,
          body: Buffer.concat(body),
        }),
      );
      outgoing.writeHead(response.status, Object.fromEntries(response.headers));
      if (response.body) for await (const chunk of response.body) outgoing.write(chunk);
      outgoing.end();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/chat`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  it('streams reasoning and text that read back into one assistant UI message', async () => {
    mock().enqueue({ reasoning: '用户在打招呼。', text: '你好！有什么可以帮你？' });
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        messages: [{ id: 'm1', role: 'user', parts: [{ type: 'text', text: '你好' }] }] satisfies UIMessage[],
      }),
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('x-vercel-ai-ui-message-stream')).toBe('v1');
    if (!response.body) throw new Error('no body');

    const chunks = parseJsonEventStream({ stream: response.body, schema: uiMessageChunkSchema }).pipeThrough(
      new TransformStream<{ success: boolean; value?: UIMessageChunk }, UIMessageChunk>({
        transform(parsed, controller) {
          if (!parsed.success || !parsed.value) throw new Error('a chunk did not parse');
          controller.enqueue(parsed.value);
        },
      }),
    );
    let last: UIMessage | undefined;
    for await (const message of readUIMessageStream({ stream: chunks })) last = message;

    expect(last?.role).toBe('assistant');
    expect(last?.parts.filter((part) => part.type !== 'step-start')).toMatchObject([
      { type: 'reasoning', text: '用户在打招呼。', state: 'done' },
      { type: 'text', text: '你好！有什么可以帮你？', state: 'done' },
    ]);
    expect(mock().requests[0]?.request?.messages).toEqual([{ role: 'user', content: '你好' }]);
  });
});
