/**
 * A loopback HTTP server for the HTTP-protocol tests: each request is handed to a script that writes
 * the answer (status, headers, SSE chunks, or nothing at all). It records every request and tells
 * when the client closed one. Not part of the published bundles.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One request as the server saw it. */
export interface RecordedRequest {
  method: string;
  path: string;
  authorization: string | undefined;
  body: Record<string, unknown>;
  /** Resolves when the connection of this request closed (the client aborted, or the answer ended). */
  closed: Promise<void>;
}

/** What a script gets for one request. */
export interface ScriptContext {
  request: RecordedRequest;
  response: ServerResponse;
  /** 1 for the first request the server received. */
  attempt: number;
}

/** A running test server. */
export interface SseServer {
  /** `http://127.0.0.1:<port>`: the client's `baseURL`. */
  url: string;
  requests: RecordedRequest[];
  close(): Promise<void>;
}

/** Starts the server on a free loopback port. */
export async function startSseServer(
  script: (context: ScriptContext) => void | Promise<void>,
): Promise<SseServer> {
  const requests: RecordedRequest[] = [];
  const server = createServer((incoming: IncomingMessage, response: ServerResponse) => {
    const chunks: Buffer[] = [];
    incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
    incoming.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      const request: RecordedRequest = {
        method: incoming.method ?? '',
        path: incoming.url ?? '',
        authorization: incoming.headers.authorization,
        body: text ? (JSON.parse(text) as Record<string, unknown>) : {},
        closed: new Promise((resolve) => response.once('close', () => resolve())),
      };
      requests.push(request);
      void script({ request, response, attempt: requests.length });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Starts an SSE answer: status 200 and `text/event-stream`, headers flushed at once. */
export function openEventStream(response: ServerResponse): void {
  response.writeHead(200, {
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-cache',
  });
  response.flushHeaders();
}

/** A Spark chunk (`code: 0`, a sid) with the given fields. */
export function sparkChunk(fields: Record<string, unknown>): Record<string, unknown> {
  return { code: 0, message: 'Success', sid: 'cha000http01', id: 'cha000http01', created: 1, ...fields };
}

/** A content delta chunk. */
export function contentChunk(delta: Record<string, unknown>, extra: Record<string, unknown> = {}) {
  return sparkChunk({ choices: [{ delta: { role: 'assistant', ...delta }, index: 0 }], ...extra });
}

/**
 * Writes each chunk as one event (`data:{…}` without a space, as `/v1` does, unless `space`), then
 * `[DONE]` and the end, unless `done` is false (a cut-off stream: the response just ends). As Spark
 * does, the last chunk with `choices` carries a finish reason: `finishReason` (default `stop`) unless
 * a chunk already has one; `finishReason: null` writes the chunks as given.
 */
export function writeEvents(
  response: ServerResponse,
  chunks: readonly unknown[],
  {
    done = true,
    space = false,
    end = true,
    finishReason = 'stop',
  }: { done?: boolean; space?: boolean; end?: boolean; finishReason?: string | null } = {},
): void {
  const prefix = space ? 'data: ' : 'data:';
  if (!response.headersSent) openEventStream(response);
  const written = done && finishReason !== null ? withFinishReason(chunks, finishReason) : chunks;
  for (const chunk of written) response.write(`${prefix}${JSON.stringify(chunk)}\n\n`);
  if (done) response.write(`${prefix}[DONE]\n\n`);
  if (end) response.end();
}

type ChunkWithChoices = { choices: Record<string, unknown>[] };

function hasChoices(chunk: unknown): chunk is ChunkWithChoices {
  const choices = (chunk as { choices?: unknown } | null)?.choices;
  return Array.isArray(choices) && choices.length > 0;
}

/** The chunks with `finishReason` on the last one that has choices, unless one already finishes. */
function withFinishReason(chunks: readonly unknown[], finishReason: string): readonly unknown[] {
  const finishes = chunks.some(
    (chunk) => hasChoices(chunk) && chunk.choices.some((choice) => choice.finish_reason != null),
  );
  const last = chunks.findLastIndex(hasChoices);
  if (finishes || last === -1) return chunks;
  const chunk = chunks[last] as ChunkWithChoices;
  const [first, ...rest] = chunk.choices;
  const finished = { ...chunk, choices: [{ ...first, finish_reason: finishReason }, ...rest] };
  return chunks.map((each, index) => (index === last ? finished : each));
}

/** Answers with a status and a JSON body. */
export function writeJson(
  response: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
) {
  response.writeHead(status, { 'content-type': 'application/json', ...headers });
  response.end(JSON.stringify(body));
}
