/**
 * Reads a response body as server-sent events. Bytes are decoded as a UTF-8 stream, so a character
 * split across two network chunks is decoded whole.
 */
import { createSseParser, type ServerSentEvent } from './sse-parser';

/**
 * Hands each event of an SSE body (read through `reader`, which the caller may cancel to stop) to `onEvent`, in order, as soon as its chunk is parsed: one promise
 * per network chunk and none per event (an async generator here cost several promises per event).
 * Resolves when the body ends, rejects when reading it fails. If `onEvent` throws, the body is
 * cancelled, which closes the HTTP connection instead of reading an answer nobody wants, and the
 * returned promise rejects with that error.
 *
 * @example
 * ```ts
 * await readServerSentEvents(response.body.getReader(), (event) => console.log(event.data));
 * ```
 */
export async function readServerSentEvents(
  reader: ReadableStreamDefaultReader<Uint8Array>,
  onEvent: (event: ServerSentEvent) => void,
): Promise<void> {
  const decoder = new TextDecoder();
  const parser = createSseParser();
  let finished = false;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      for (const event of parser.push(decoder.decode(value, { stream: true }))) onEvent(event);
    }
    finished = true;
    for (const event of parser.push(decoder.decode())) onEvent(event);
    for (const event of parser.end()) onEvent(event);
  } finally {
    if (!finished) await reader.cancel().catch(() => undefined);
    reader.releaseLock();
  }
}
