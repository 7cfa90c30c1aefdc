/**
 * A `(Request) => Response` route handler (Next.js App Router shape) served by `node:http` on
 * loopback, and a reader that turns its UI message stream response back into UI messages as
 * `useChat` does.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  parseJsonEventStream,
  readUIMessageStream,
  type UIMessage,
  type UIMessageChunk,
  uiMessageChunkSchema,
} from 'ai';

/** A route served on 127.0.0.1. */
export interface ServedRoute {
  /** `http://127.0.0.1:PORT/api/chat`. */
  url: string;
  close(): Promise<void>;
}

/** Serves `handler` on a loopback port, as Next.js serves `app/api/chat/route.ts`. */
export async function serveRoute(handler: (request: Request) => Promise<Response>): Promise<ServedRoute> {
  const server = createServer(async (incoming, outgoing) => {
    const body: Buffer[] = [];
    for await (const chunk of incoming) body.push(chunk as Buffer);
    const response = await handler(
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
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/chat`,
    close: async () => {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

/** Reads a UI message stream response to its end and returns the last state of the message it builds. */
export async function readLastUIMessage(response: Response): Promise<UIMessage | undefined> {
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
  return last;
}
