/**
 * Reads a response body as server-sent events. Bytes are decoded as a UTF-8 stream, so a character
 * split across two network chunks is decoded whole.
 */
import { type ServerSentEventListener, SseParser } from './sse-parser';

// One options object for every chunk, instead of a literal built per `decode()` call.
const STREAMING: TextDecodeOptions = { stream: true };

/**
 * Hands each event of an SSE body to `onEvent`, in order, as soon as its chunk is parsed: one promise
 * per network chunk and none per event (an async generator here cost several promises per event).
 * The body is read through `reader`, which stays locked to it and which the caller may cancel to stop.
 * Resolves when the body ends, rejects when reading it fails. If `onEvent` throws, the body is
 * cancelled, which closes the HTTP connection instead of reading an answer nobody wants, and the
 * returned promise rejects with that error.
 *
 * @example
 * ```ts
 * await readServerSentEvents(response.body.getReader(), (data) => console.log(data));
 * ```
 */
export async function readServerSentEvents(
  reader: ReadableStreamDefaultReader<Uint8Array>,
  onEvent: ServerSentEventListener,
): Promise<void> {
  const decoder = new TextDecoder();
  const parser = new SseParser(onEvent);
  let finished = false;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      parser.push(decoder.decode(value, STREAMING));
    }
    finished = true;
    parser.push(decoder.decode());
    parser.end();
  } finally {
    if (!finished) await reader.cancel().catch(() => undefined);
    // The lock is not released: nobody else reads this body, and releasing it rejects the reader's
    // `closed` promise (two more promises for every request).
  }
}
