/**
 * `readChatStream`: a `ChatStream` read back from the NDJSON bytes of `ChatStream.toReadableStream()`,
 * for a page that receives an answer relayed by its server.
 */
import { SparkConnectionError, SparkError, type SparkErrorCode, SparkProtocolError } from '../errors';
import { abortError, onAbort } from '../exchange/abort';
import type { ChatResult, SparkStreamEvent } from '../types';
import { type ChatStream, startChatStream } from './chat-stream';

const EVENT_TYPES = new Set([
  'text-delta',
  'reasoning-delta',
  'function-call',
  'search-results',
  'usage',
  'end',
]);

type RelayedLine = SparkStreamEvent | { type: 'error'; error: Record<string, unknown> };

function parseLine(line: string): RelayedLine {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch (error) {
    throw new SparkProtocolError('The relayed stream has a line that is not JSON.', { cause: error });
  }
  const type = (value as { type?: unknown } | null)?.type;
  if (typeof type !== 'string' || (type !== 'error' && !EVENT_TYPES.has(type))) {
    throw new SparkProtocolError('The relayed stream has a line that is not a stream event.');
  }
  return value as RelayedLine;
}

/**
 * The error a relayed `error` line stands for: a `SparkError` with the original code, message and
 * retryability, Spark code and sid (the line comes from the network: only those fields are kept, as
 * strings and numbers).
 */
function relayedError(json: Record<string, unknown>): SparkError {
  const text = (value: unknown) => (typeof value === 'string' ? value : undefined);
  const code = (text(json.code) ?? 'connection_error') as SparkErrorCode;
  const error = new SparkError(
    code,
    text(json.message) ?? 'The relayed stream failed.',
    json.retryable === true,
    {
      sparkCode: typeof json.sparkCode === 'number' ? json.sparkCode : undefined,
      sid: text(json.sid),
    },
  );
  if (text(json.name)) error.name = text(json.name) as string;
  return error;
}

/** Options of {@link readChatStream}. */
export interface ReadChatStreamOptions {
  /** Aborting it cancels the body and fails the stream with `SparkAbortError`. */
  signal?: AbortSignal | undefined;
}

/**
 * Reads the NDJSON bytes written by `ChatStream.toReadableStream()` (typically a `fetch` response body)
 * back into a `ChatStream`: the same events, `textStream` and `finalResult()`. An `error` line fails
 * the stream with a `SparkError` carrying the relayed code; a body that ends without an `end` event
 * fails it with a `SparkConnectionError`.
 *
 * @example
 * ```ts
 * const response = await fetch('/api/chat', { method: 'POST', body: JSON.stringify({ question }) });
 * const stream = readChatStream(response.body!);
 * for await (const text of stream.textStream) output.append(text);
 * ```
 */
export function readChatStream(
  body: ReadableStream<Uint8Array>,
  options: ReadChatStreamOptions = {},
): ChatStream {
  return startChatStream(
    async (emit, signal) => {
      const reader = body.getReader();
      const stopListening = onAbort(signal, () => {
        reader.cancel(signal.reason).catch(() => {});
      });
      const decoder = new TextDecoder();
      let buffered = '';
      try {
        for (;;) {
          const { value, done } = await reader.read();
          if (signal.aborted) throw abortError(signal);
          buffered += done ? decoder.decode() : decoder.decode(value, { stream: true });
          for (let newline = buffered.indexOf('\n'); newline >= 0 || done; newline = buffered.indexOf('\n')) {
            const line = (newline >= 0 ? buffered.slice(0, newline) : buffered).trim();
            buffered = newline >= 0 ? buffered.slice(newline + 1) : '';
            if (line) {
              const event = parseLine(line);
              if (event.type === 'error') throw relayedError(event.error);
              if (event.type === 'end') return event.result as ChatResult;
              emit(event);
            }
            if (newline < 0) break;
          }
          if (done) {
            throw new SparkConnectionError(
              'The relayed stream ended before its end event: the answer is incomplete.',
            );
          }
        }
      } finally {
        stopListening();
        reader.cancel().catch(() => {});
      }
    },
    { signal: options.signal },
  );
}
