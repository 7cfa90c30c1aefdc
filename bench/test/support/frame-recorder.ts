/**
 * Wraps a transport (or the HTTP protocol's `fetch`) so a test sees every raw frame (or SSE chunk) the
 * client received, per exchange, with its text content and, on WebSocket, its `seq`: the ground
 * truth to check the SDK's events against.
 */
import type { SparkFetch, SparkTransport } from '@xinghuo/core';
import { observeFetch } from './observed-response';

/** What one exchange carried. */
export interface RecordedExchange {
  /** WebSocket `seq` of each frame; HTTP chunks carry none (empty). */
  seqs: number[];
  contents: string[];
  closed: boolean;
  /** HTTP: the stream ended with `[DONE]` (WebSocket: always true, the status 2 frame ends it). */
  done: boolean;
}

/** A transport or `fetch` that records, and the recordings. */
export interface RecordingTransport {
  /** The client options that route exchanges through the recorder. */
  clientOptions: { transport: SparkTransport } | { protocol: 'http'; fetch: SparkFetch };
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
        exchange = { seqs: [], contents: [], closed: false, done: true };
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
    clientOptions: { transport },
    openConnections: () => open,
    take(marker) {
      const exchange = byMarker.get(marker);
      byMarker.delete(marker);
      return exchange;
    },
  };
}

/** The last user message of a chat-completions body: it identifies the exchange. */
function markerOf(body: unknown): string {
  const request = JSON.parse(String(body)) as { messages: { content: string }[] };
  return request.messages.at(-1)?.content ?? '';
}

/**
 * Records the SSE chunks of every response fetched through `inner` (the global `fetch` by default),
 * read with a parser of its own (`data:` with or without a space, LF or CRLF), so the SDK's reader is
 * checked against an independent one.
 */
export function recordHttpChunks(
  inner: SparkFetch = (input, init) => fetch(input, init),
): RecordingTransport {
  const byMarker = new Map<string, RecordedExchange>();
  const recording = observeFetch(inner, (_input, init) => {
    const exchange: RecordedExchange = { seqs: [], contents: [], closed: false, done: false };
    byMarker.set(markerOf(init.body), exchange);
    const decoder = new TextDecoder();
    let pending = '';
    const readLines = (text: string) => {
      pending += text;
      const lines = pending.split('\n');
      pending = lines.pop() ?? '';
      for (const raw of lines) {
        const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
        if (!line.startsWith('data:')) continue;
        const data = line.slice(line.startsWith('data: ') ? 6 : 5);
        if (data === '[DONE]') {
          exchange.done = true;
          continue;
        }
        const chunk = JSON.parse(data) as { choices?: { delta?: { content?: string } }[] };
        const choice = chunk.choices?.[0];
        if (choice) exchange.contents.push(choice.delta?.content ?? '');
      }
    };
    return {
      onChunk: (bytes) => readLines(decoder.decode(bytes, { stream: true })),
      onClose: (how) => {
        // An aborted request's body is cut off: only a finished body has a last line to read.
        if (how === 'body') readLines(`${decoder.decode()}\n`);
        exchange.closed = true;
      },
    };
  });
  return {
    clientOptions: { protocol: 'http', fetch: recording.fetch },
    openConnections: recording.openRequests,
    take(marker) {
      const exchange = byMarker.get(marker);
      byMarker.delete(marker);
      return exchange;
    },
  };
}
