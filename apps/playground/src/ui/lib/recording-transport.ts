import { redactUrl, type SparkConnection, type SparkTransport } from '@xinghuo/browser';
import { type ExchangeListener, startExchangeRecording } from './exchange-recorder';

/**
 * Wraps a transport so the page can show the frames of the last exchange: the URL it dialled (with
 * the authorization value redacted, so a copied screenshot never leaks a usable signed URL), every
 * frame sent and every frame received, as text, in order.
 *
 * Each connection starts a new exchange (a retry shows the attempt that is running).
 */
export function createRecordingTransport(inner: SparkTransport, listener: ExchangeListener): SparkTransport {
  return async (url, options) => {
    const record = startExchangeRecording(listener, { url: redactUrl(url) });

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
