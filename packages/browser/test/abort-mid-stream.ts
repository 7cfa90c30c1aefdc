/**
 * The mid-stream abort both client tests (WebSocket and relay) run: read `textStream`, abort the
 * caller's signal at the first delta, and report what arrived and how the read ended.
 */
import type { ChatParams, SparkClient } from '../src/index';

/** Streams a long answer and aborts after the first delta; resolves with the text and the read's error. */
export async function abortAfterFirstDelta(
  client: Pick<SparkClient, 'stream'>,
  params: ChatParams,
): Promise<{ received: string; reading: Promise<void> }> {
  const controller = new AbortController();
  const stream = client.stream(params, { signal: controller.signal });
  let received = '';
  const reading = (async () => {
    for await (const delta of stream.textStream) {
      received += delta;
      controller.abort();
    }
  })();
  await reading.catch(() => undefined);
  return { received, reading };
}
