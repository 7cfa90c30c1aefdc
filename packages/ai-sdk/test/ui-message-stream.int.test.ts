/**
 * A route handler (Next.js App Router shape) that returns `streamText(...).toUIMessageStreamResponse()`,
 * served on a loopback HTTP server and read back as a UI message stream, as `useChat` does, with the
 * provider over each protocol.
 */
import type { MockSpark } from '@xinghuo/mock-server';
import { useMockSpark } from '@xinghuo/mock-server/vitest';
import { convertToModelMessages, streamText, type UIMessage } from 'ai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SparkProvider } from '../src/index';
import { mockHttpProvider, mockProvider } from './helpers/mock-provider';
import { readLastUIMessage, type ServedRoute, serveRoute } from './helpers/route-handler';

describe.each([
  { protocol: 'ws', provider: mockProvider },
  { protocol: 'http', provider: mockHttpProvider },
] as { protocol: 'ws' | 'http'; provider: (mock: MockSpark) => SparkProvider }[])(
  'route handler with toUIMessageStreamResponse over $protocol',
  ({ protocol, provider }) => {
    const mock = useMockSpark();
    let route: ServedRoute;

    // The route handler of app/api/chat/route.ts.
    async function POST(request: Request): Promise<Response> {
      const { messages } = (await request.json()) as { messages: UIMessage[] };
      const result = streamText({
        model: provider(mock())('x1'),
        messages: await convertToModelMessages(messages),
      });
      return result.toUIMessageStreamResponse({ sendReasoning: true });
    }

    beforeAll(async () => {
      route = await serveRoute(POST);
    });
    afterAll(async () => {
      await route.close();
    });

    it('streams reasoning and text that read back into one assistant UI message', async () => {
      mock().enqueue({ reasoning: '用户在打招呼。', text: '你好！有什么可以帮你？' });
      const response = await fetch(route.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          messages: [
            { id: 'm1', role: 'user', parts: [{ type: 'text', text: '你好' }] },
          ] satisfies UIMessage[],
        }),
      });
      expect(response.status).toBe(200);
      expect(response.headers.get('x-vercel-ai-ui-message-stream')).toBe('v1');

      const last = await readLastUIMessage(response);
      expect(last?.role).toBe('assistant');
      expect(last?.parts.filter((part) => part.type !== 'step-start')).toMatchObject([
        { type: 'reasoning', text: '用户在打招呼。', state: 'done' },
        { type: 'text', text: '你好！有什么可以帮你？', state: 'done' },
      ]);
      expect(mock().requests[0]?.request?.messages).toEqual([{ role: 'user', content: '你好' }]);
      expect(mock().requests[0]?.protocol).toBe(protocol === 'http' ? 'http' : undefined);
    });
  },
);
