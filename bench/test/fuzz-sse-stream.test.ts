import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createSparkClient, SparkError } from '@xinghuo/core';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually } from '../../test-support/eventually';
import { hostileJsonFrom } from './support/frame-arbitraries';
import { contentChunk, REAL_HTTP_CHUNKS } from './support/real-http-chunks';
import { scaled } from './support/scale';

/**
 * The HTTP protocol's reader over a real loopback socket: core's unit property tests split bytes in
 * memory; here the same splits travel through `fetch`, a TCP connection and Node's HTTP chunked
 * encoding, one `write()` per piece, so the client sees the pieces the network makes of them.
 */

/** Streams per property: 1,000 at full size, 100 in `npm test` (see `support/scale.ts`). */
const RUNS = scaled(1_000, 100);
const PASSWORD = 'ssefuzzPassword0123456789abcdefX';
/** Generous deadlines: an in-order loopback answer takes milliseconds; a timeout means a missed end. */
const TIMEOUTS = { connectMs: 10_000, firstTokenMs: 10_000, idleMs: 10_000, totalMs: 0 };

/** What the server does with one request: write these byte pieces, then end or destroy the socket. */
interface Script {
  pieces: readonly Uint8Array[];
  ending: 'end' | 'destroy';
}

/** A loopback SSE server that answers each request with the script its question names. */
class ScriptedSseServer {
  readonly scripts = new Map<string, Script>();
  open = 0;
  #server: Server = createServer((request, response) => void this.#answer(request, response));
  url = '';

  async start(): Promise<void> {
    await new Promise<void>((resolve) => this.#server.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.#server.address() as AddressInfo).port}`;
  }

  async close(): Promise<void> {
    this.#server.closeAllConnections();
    await new Promise((resolve) => this.#server.close(resolve));
  }

  async #answer(request: IncomingMessage, response: ServerResponse): Promise<void> {
    this.open += 1;
    response.on('close', () => {
      this.open -= 1;
    });
    let body = '';
    for await (const piece of request) body += piece;
    const question = (JSON.parse(body) as { messages: { content: string }[] }).messages.at(-1)?.content ?? '';
    const script = this.scripts.get(question);
    this.scripts.delete(question);
    if (!script) {
      response.writeHead(404, { 'content-type': 'application/json' }).end('{"message":"no script"}');
      return;
    }
    response.socket?.setNoDelay(true);
    response.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-cache',
    });
    for (const piece of script.pieces) {
      if (response.destroyed) return;
      // Wait until each piece is handed to the kernel, so pieces leave as separate writes.
      await new Promise<void>((resolve) => response.write(piece, () => resolve()));
    }
    if (script.ending === 'end') response.end();
    else response.socket?.destroy();
  }
}

const encoder = new TextEncoder();

/** Splits `bytes` at `cuts` (taken modulo the length), anywhere: inside a line or a character. */
function splitAt(bytes: Uint8Array, cuts: readonly number[]): Uint8Array[] {
  const positions = [...new Set(cuts.map((cut) => cut % (bytes.length + 1)))].sort((a, b) => a - b);
  const pieces: Uint8Array[] = [];
  let start = 0;
  for (const position of positions) {
    if (position > start) pieces.push(bytes.subarray(start, position));
    start = Math.max(start, position);
  }
  if (start < bytes.length) pieces.push(bytes.subarray(start));
  return pieces;
}

/** One event's spelling: `data:` with or without a space, its line ending, and comments before it. */
const spelling = fc.record({
  space: fc.boolean(),
  lineEnd: fc.constantFrom('\n', '\r\n', '\r'),
  comment: fc.constantFrom('', ': keep-alive', ':', ': ping 中文'),
});
type Spelling = typeof spelling extends fc.Arbitrary<infer Value> ? Value : never;

/** The SSE text of one event carrying `data`, spelled as `how` says. */
function eventText(data: string, how: Spelling): string {
  const comment = how.comment === '' ? '' : `${how.comment}${how.lineEnd}`;
  return `${comment}data:${how.space ? ' ' : ''}${data}${how.lineEnd}${how.lineEnd}`;
}

/** Answer text pieces, weighted towards multi-byte characters (CJK, emoji with modifiers). */
const textPiece = fc.oneof(
  fc.string({ unit: 'grapheme', minLength: 1, maxLength: 8 }),
  fc.constantFrom('星火', '你好，', '🙂👍🏽', 'é', '𠮷野家', '\u00a0', '"quoted"\\'),
);

describe('the HTTP protocol reading SSE over a real loopback socket', () => {
  const server = new ScriptedSseServer();
  let runs = 0;
  beforeAll(() => server.start());
  afterAll(() => server.close());

  const client = () =>
    createSparkClient({
      protocol: 'http',
      apiPassword: PASSWORD,
      baseURL: server.url,
      defaultModel: 'lite',
      maxRetries: 0,
      timeouts: TIMEOUTS,
    });

  it(`reads ${RUNS} answers whole and in order, however the bytes are split and spelled`, async () => {
    const sparkClient = client();
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(textPiece, spelling), { minLength: 1, maxLength: 8 }),
        spelling,
        fc.boolean(),
        fc.array(fc.nat(), { maxLength: 24 }),
        async (pieces, doneSpelling, doneSpace, cuts) => {
          runs += 1;
          const question = `sse fuzz ${runs}`;
          const text = pieces
            .map(([piece, how], index) =>
              eventText(
                JSON.stringify(
                  contentChunk(piece, index === pieces.length - 1 ? { usage: true } : undefined),
                ),
                how,
              ),
            )
            .join('');
          const done = eventText('[DONE]', {
            ...doneSpelling,
            space: doneSpace,
          });
          server.scripts.set(question, { pieces: splitAt(encoder.encode(text + done), cuts), ending: 'end' });

          const deltas: string[] = [];
          const stream = sparkClient.stream({ messages: [{ role: 'user', content: question }] });
          for await (const event of stream) if (event.type === 'text-delta') deltas.push(event.text);
          const result = await stream.finalResult();
          expect(deltas).toEqual(pieces.map(([piece]) => piece));
          expect(result.text).toBe(pieces.map(([piece]) => piece).join(''));
          expect(result.finishReason).toBe('stop');
          expect(result.usage.totalTokens).toBe(12);
        },
      ),
      { numRuns: RUNS, seed: 20_261_203 },
    );
    expect(await eventually(() => server.open === 0)).toBe(true);
  });

  it(`settles ${RUNS} hostile streams with a result or a SparkError, a result only after [DONE]`, async () => {
    const sparkClient = client();
    const hostileData = hostileJsonFrom(REAL_HTTP_CHUNKS);
    let resolved = 0;
    let rejected = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(fc.oneof(hostileData, fc.constant('')), spelling), { minLength: 1, maxLength: 6 }),
        fc.nat({ max: 2 }),
        fc.constantFrom<'done' | 'end' | 'destroy'>('done', 'done', 'end', 'destroy'),
        fc.array(fc.nat(), { maxLength: 12 }),
        async (events, realPrefix, ending, cuts) => {
          runs += 1;
          const question = `sse hostile ${runs}`;
          const prefix = [contentChunk('你好'), contentChunk('，星火')].slice(0, realPrefix);
          // A `data:` line break inside a hostile payload would make it two lines; keep it one.
          const body = [
            ...prefix.map((chunk) =>
              eventText(JSON.stringify(chunk), { space: false, lineEnd: '\n', comment: '' }),
            ),
            ...events.map(([data, how]) => eventText(data.replace(/[\r\n]/g, ' '), how)),
            ...(ending === 'done' ? ['data:[DONE]\n\n'] : []),
          ].join('');
          server.scripts.set(question, {
            pieces: splitAt(encoder.encode(body), cuts),
            ending: ending === 'destroy' ? 'destroy' : 'end',
          });
          const stream = sparkClient.stream({ messages: [{ role: 'user', content: question }] });
          const consumed = (async () => {
            for await (const _event of stream) {
              // Drain: the property is about how the stream settles.
            }
          })();
          const [iteration, final] = await Promise.allSettled([consumed, stream.finalResult()]);
          if (final.status === 'fulfilled') {
            resolved += 1;
            // A result needs the `[DONE]` of a finished answer: a body ending before it is truncated.
            return ending === 'done' && iteration.status === 'fulfilled';
          }
          rejected += 1;
          const error: unknown = final.reason;
          return (
            SparkError.isInstance(error) &&
            error.code !== 'timeout' &&
            iteration.status === 'rejected' &&
            SparkError.isInstance(iteration.reason)
          );
        },
      ),
      { numRuns: RUNS, seed: 20_261_204 },
    );
    // Both ends of the state machine were reached.
    expect(resolved).toBeGreaterThan(RUNS / 100);
    expect(rejected).toBeGreaterThan(RUNS / 100);
    expect(await eventually(() => server.open === 0)).toBe(true);
  });
});
