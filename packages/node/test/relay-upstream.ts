import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** What the fake upstream answers to one request. */
export interface UpstreamReply {
  status?: number;
  headers?: Record<string, string>;
  /** Body pieces, each written (and flushed) on its own. */
  chunks: string[];
  /** Write this many chunks, then wait for `release()` before writing the rest. */
  holdAfter?: number;
}

/** One request as the fake upstream saw it. */
export interface UpstreamRequest {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
  /** Resolves when the connection or response closes; `finished` says whether the answer was complete. */
  closed: Promise<{ finished: boolean }>;
}

/** A loopback stand-in for Spark's HTTP API that records what it receives. */
export interface FakeUpstream {
  url: string;
  requests: UpstreamRequest[];
  /** Lets every held answer (now and later) write its remaining chunks. */
  release(): void;
  close(): Promise<void>;
}

/** Four SSE chunks the way Spark's `/v1` writes them (`data:` without a space). */
export const SSE_CHUNKS = [
  'data:{"code":0,"choices":[{"delta":{"role":"assistant","content":"你"},"index":0}]}\n\n',
  'data:{"code":0,"choices":[{"delta":{"content":"好"},"index":0}]}\n\n',
  'data:{"code":0,"choices":[{"delta":{"content":"!"},"index":0,"finish_reason":"stop"}]}\n\n',
  'data:[DONE]\n\n',
];

/** Starts the fake upstream on 127.0.0.1; `reply` decides each answer (by request index). */
export async function startFakeUpstream(
  reply: (index: number) => UpstreamReply = () => ({
    chunks: SSE_CHUNKS,
    headers: { 'content-type': 'text/event-stream' },
  }),
): Promise<FakeUpstream> {
  const requests: UpstreamRequest[] = [];
  let openGate: () => void = () => undefined;
  const gate = new Promise<void>((resolve) => {
    openGate = resolve;
  });
  const server: Server = createServer((request, response) => {
    const index = requests.length;
    const closed = new Promise<{ finished: boolean }>((resolve) => {
      response.once('close', () => resolve({ finished: response.writableFinished }));
    });
    const pieces: Buffer[] = [];
    request.on('data', (piece: Buffer) => pieces.push(piece));
    request.on('end', async () => {
      requests.push({
        method: request.method ?? '',
        path: request.url ?? '',
        headers: request.headers,
        body: Buffer.concat(pieces).toString('utf8'),
        closed,
      });
      const answer = reply(index);
      response.writeHead(answer.status ?? 200, answer.headers ?? { 'content-type': 'text/event-stream' });
      response.flushHeaders();
      for (const [position, chunk] of answer.chunks.entries()) {
        if (position === answer.holdAfter) await gate;
        if (response.destroyed) return;
        response.write(chunk);
      }
      response.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    release: () => openGate(),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Reads a Web body until `text` has arrived; returns everything read so far (the stream stays open). */
export async function readUntil(
  reader: ReadableStreamDefaultReader<Uint8Array>,
  text: string,
): Promise<string> {
  const decoder = new TextDecoder();
  let seen = '';
  while (!seen.includes(text)) {
    const { done, value } = await reader.read();
    if (done) break;
    seen += decoder.decode(value, { stream: true });
  }
  return seen;
}
