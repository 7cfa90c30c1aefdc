/**
 * Wraps a transport so a test sees every raw frame the client received, per connection, with its
 * `seq` and text content: the ground truth to check the SDK's events against.
 */
import type { SparkTransport } from '@xinghuo/core';

/** What one connection carried. */
export interface RecordedExchange {
  seqs: number[];
  contents: string[];
  closed: boolean;
}

/** A transport that records frames, and the recordings. */
export interface RecordingTransport {
  transport: SparkTransport;
  /** Exchanges still open (neither closed by the client nor ended). */
  openConnections(): number;
  /** Takes (and forgets) the recording of the exchange that sent `requestMarker` in its request. */
  take(requestMarker: string): RecordedExchange | undefined;
}

/** Records frames of every connection opened through `inner`. */
export function recordFrames(inner: SparkTransport): RecordingTransport {
  const byMarker = new Map<string, RecordedExchange>();
  let open = 0;
  const transport: SparkTransport = async (url, options) => {
    const connection = await inner(url, options);
    open += 1;
    let exchange: RecordedExchange | undefined;
    let finished = false;
    const finish = () => {
      if (finished) return;
      finished = true;
      open -= 1;
      if (exchange) exchange.closed = true;
    };
    return {
      send(text) {
        // The last user message identifies the exchange.
        const request = JSON.parse(text) as { payload: { message: { text: { content: string }[] } } };
        const marker = request.payload.message.text.at(-1)?.content ?? '';
        exchange = { seqs: [], contents: [], closed: false };
        byMarker.set(marker, exchange);
        connection.send(text);
      },
      messages: () =>
        (async function* () {
          try {
            for await (const raw of connection.messages()) {
              const frame = JSON.parse(raw) as {
                payload?: { choices?: { seq?: number; text?: { content?: string }[] } };
              };
              const choices = frame.payload?.choices;
              if (exchange && choices) {
                exchange.seqs.push(choices.seq ?? -1);
                exchange.contents.push((choices.text ?? []).map((entry) => entry.content ?? '').join(''));
              }
              yield raw;
            }
          } finally {
            finish();
          }
        })(),
      close(code, reason) {
        finish();
        connection.close(code, reason);
      },
    };
  };
  return {
    transport,
    openConnections: () => open,
    take(marker) {
      const exchange = byMarker.get(marker);
      byMarker.delete(marker);
      return exchange;
    },
  };
}
