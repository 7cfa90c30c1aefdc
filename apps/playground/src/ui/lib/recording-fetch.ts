import type { SparkFetch } from '@xinghuo/browser';
import { type ExchangeListener, startExchangeRecording } from './exchange-recorder';

/**
 * Wraps the `fetch` of the HTTP client so the frame inspector shows the last exchange: the relay URL
 * (it holds no credential: the relay adds it on the server), the request body sent and each chunk of
 * the event stream received, as text, in order. The page sends no Spark credential, so there is
 * nothing to redact. Each request starts a new exchange (a retry shows the attempt that is running).
 */
export function createRecordingFetch(listener: ExchangeListener, inner?: SparkFetch): SparkFetch {
  return async (url, init) => {
    const record = startExchangeRecording(listener, { url, protocol: 'http' });
    if (typeof init.body === 'string') record('sent', init.body);
    // Read per request: the global fetch, called unbound as a browser requires.
    const fetchNow = inner ?? globalThis.fetch;
    const response = await fetchNow(url, init);
    if (!response.body) return response;
    const decoder = new TextDecoder();
    const recorded = response.body.pipeThrough(
      new TransformStream<Uint8Array, Uint8Array>({
        transform(chunk, controller) {
          const text = decoder.decode(chunk, { stream: true });
          if (text !== '') record('received', text);
          controller.enqueue(chunk);
        },
      }),
    );
    return new Response(recorded, {
      status: response.status,
      statusText: response.statusText,
      headers: response.headers,
    });
  };
}
