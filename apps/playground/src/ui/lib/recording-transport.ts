import { redactUrl, type SparkConnection, type SparkTransport } from '@xinghuo/browser';
import type { RecordedExchange, RecordedFrame } from '../types';

/** Receives a fresh snapshot of the exchange after every recorded event. */
export type ExchangeListener = (exchange: RecordedExchange) => void;

/**
 * Wraps a transport so the page can show the frames of the last exchange: the URL it dialled (with
 * the authorization value redacted, so a copied screenshot never leaks a usable signed URL), every
 * frame sent and every frame received, as text, in order.
 *
 * Each connection starts a new exchange (a retry shows the attempt that is running).
 */
export function createRecordingTransport(inner: SparkTransport, listener: ExchangeListener): SparkTransport {
  return async (url, options) => {
    const startedAt = performance.now();
    const redactedUrl = redactUrl(url);
    const frames: RecordedFrame[] = [];
    const record = (direction: RecordedFrame['direction'], text: string) => {
      frames.push({
        sequence: frames.length,
        direction,
        text,
        atMs: Math.round(performance.now() - startedAt),
      });
      listener({ url: redactedUrl, frames: [...frames] });
    };
    listener({ url: redactedUrl, frames: [] });

    const connection = await inner(url, options);
    const recorded: SparkConnection = {
      send(text) {
        record('sent', text);
        connection.send(text);
      },
      async *messages() {
        for await (const text of connection.messages()) {
          record('received', text);
          yield text;
        }
      },
      close(code, reason) {
        connection.close(code, reason);
      },
    };
    return recorded;
  };
}
