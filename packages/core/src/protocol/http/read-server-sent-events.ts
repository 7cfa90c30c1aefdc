/**
 * Reads a response body as server-sent events. Bytes are decoded as a UTF-8 stream, so a character
 * split across two network chunks is decoded whole.
 */
import { createSseParser, type ServerSentEvent } from './sse-parser';

/**
 * Yields the events of an SSE body in order. Returning early (a `break`, an abort upstream) cancels
 * the body, which closes the HTTP connection instead of reading an answer nobody wants.
 *
 * @example
 * ```ts
 * for await (const event of readServerSentEvents(response.body)) console.log(event.data);
 * ```
 */
export async function* readServerSentEvents(
  body: ReadableStream<Uint8Array>,
): AsyncGenerator<ServerSentEvent, void, undefined> {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  const parser = createSseParser();
  let finished = false;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      yield* parser.push(decoder.decode(value, { stream: true }));
    }
    finished = true;
    yield* parser.push(decoder.decode());
    yield* parser.end();
  } finally {
    if (!finished) await reader.cancel().catch(() => undefined);
    reader.releaseLock();
  }
}
