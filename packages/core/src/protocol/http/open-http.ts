/**
 * The HTTP protocol's part of an attempt: POST the request with the Bearer credential, check the
 * answer's status and type, and hand the exchange one server-sent event at a time. Only `fetch` and
 * Web streams are used, so it runs in Node 20, workers and edge runtimes alike.
 */
import { SparkConnectionError, SparkProtocolError } from '../../errors/error-classes';
import { redactSecrets } from '../../errors/redact';
import { toSparkError } from '../../errors/to-spark-error';
import { AsyncQueue } from '../../exchange/async-queue';
import type { FrameConnection, OpenFrameConnection } from '../../exchange/frame-connection';
import type { SparkModel } from '../../models/models';
import type { SparkLogger } from '../../types';
import { createEventDecoder, isDoneMarker } from './decode-event';
import { errorFromResponse } from './error-from-response';
import { readServerSentEvents } from './read-server-sent-events';

/** The `fetch` the HTTP protocol uses: the global one, or any with the same signature. */
export type SparkFetch = (input: string, init: RequestInit) => Promise<Response>;

/** What every attempt of one HTTP exchange shares. */
export interface HttpExchange {
  /** The chat-completions URL to POST to (`baseURL` already applied). */
  url: string;
  model: SparkModel;
  /** The serialized request body. */
  requestText: string;
  /**
   * The Bearer credential: the APIPassword, or `apiKey:apiSecret`. A secret. `undefined` for a relay,
   * which adds it on the server: no `Authorization` is sent then.
   */
  credential: string | undefined;
  fetch: SparkFetch;
  logger?: SparkLogger | undefined;
}

// What the answer's content type says it is. Module constants: a regular expression literal inside the
// function would be a new RegExp object on every request.
const JSON_TYPE = /\bjson\b/i;
const EVENT_STREAM_TYPE = /text\/event-stream/i;

// An error body is read only this far: enough for any message, bounded against a hostile server.
const MAX_ERROR_BODY = 8 * 1024;

async function readBounded(response: Response): Promise<string> {
  if (!response.body) return '';
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  let text = '';
  try {
    while (text.length < MAX_ERROR_BODY) {
      const { done, value } = await reader.read();
      if (done) return text + decoder.decode();
      text += decoder.decode(value, { stream: true });
    }
    return text.slice(0, MAX_ERROR_BODY);
  } finally {
    await reader.cancel().catch(() => undefined);
  }
}

/**
 * The reason `close()` cancels the body with. Nobody reads it (the exchange has
 * its result or its error by then), and without a reason a `DOMException` with a stack is built on
 * every request.
 */
const CLOSED = new SparkConnectionError('The HTTP request was closed.');

/** The credential and its parts: what must never appear in an error or a log line. */
function secretsOf(credential: string | undefined): string[] {
  return credential === undefined ? [] : [credential, ...credential.split(':')];
}

/**
 * The `data` of each event, queued as the body is read: the exchange takes them from the queue as
 * they are pushed (its push mode), so an event costs no promise. A body that ends before `[DONE]` was
 * cut off: that is a truncated answer (retryable while nothing was shown), never a success.
 * `cancel()` stops reading and closes the HTTP connection.
 */
function eventData(body: ReadableStream<Uint8Array>): { frames: AsyncQueue<string>; cancel: () => void } {
  const frames = new AsyncQueue<string>();
  const reader = body.getReader();
  let lastData = '';
  readServerSentEvents(reader, (data) => {
    // An empty `data:` line is a keep-alive some proxies send; it carries nothing to decode.
    if (data === '') return;
    lastData = data;
    frames.push(data);
  }).then(
    // The body usually ends right after `[DONE]`: the error is built (a stack each) only when it did not.
    () =>
      isDoneMarker(lastData)
        ? frames.end()
        : frames.fail(
            new SparkConnectionError('The HTTP stream ended before [DONE]: the answer is incomplete.'),
          ),
    (error: unknown) => frames.fail(error),
  );
  const cancel = () => {
    reader.cancel(CLOSED).catch(() => undefined);
  };
  return { frames, cancel };
}

/**
 * A JSON answer to a streamed request: a business error, or (from some proxies) the whole answer,
 * queued as the one chunk of an event stream followed by its `[DONE]`, as the SSE path queues them.
 */
async function fromJsonAnswer(
  response: Response,
  redact: (text: string) => string,
): Promise<AsyncQueue<string>> {
  const text = redact(await readBounded(response));
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new SparkProtocolError('Spark answered with malformed JSON instead of an event stream.');
  }
  const record = (typeof parsed === 'object' && parsed !== null ? parsed : {}) as Record<string, unknown>;
  if (Array.isArray(record.choices) && (record.code === undefined || record.code === 0)) {
    const frames = new AsyncQueue<string>();
    frames.push(text);
    frames.push('[DONE]');
    frames.end();
    return frames;
  }
  throw errorFromResponse({ status: response.status, body: text });
}

/** The request headers: JSON in, an event stream out, and the credential unless a relay adds it. */
function headersFor(credential: string | undefined): Record<string, string> {
  const headers: Record<string, string> = {
    'content-type': 'application/json',
    accept: 'text/event-stream',
  };
  if (credential !== undefined) headers.authorization = `Bearer ${credential}`;
  return headers;
}

/** Opens each attempt's HTTP request; the connection is the answer's event stream. */
export function openHttp(exchange: HttpExchange): OpenFrameConnection {
  // Once per exchange, not per attempt: every attempt sends the same headers.
  const headers = headersFor(exchange.credential);
  // The secrets are listed only when a failure's text must be redacted: most requests never fail.
  const redact = (text: string) => redactSecrets(text, secretsOf(exchange.credential));
  return async ({ attempt, signal }) => {
    exchange.logger?.debug?.('xinghuo: connecting', {
      attempt,
      model: exchange.model.id,
      protocol: 'http',
      url: exchange.url,
    });
    let response: Response;
    try {
      // Called unbound: a browser's fetch called as a method of another object throws "Illegal invocation".
      const fetch = exchange.fetch;
      // The attempt signal as is, not a controller of our own that follows it: it aborts with the
      // exchange or at the connect deadline while the attempt connects, and an abort then also fails
      // the body being read (an error body), so the connect deadline bounds that too. Once the
      // connection is handed over the engine no longer aborts it, and `close()` cancels the body.
      response = await fetch(exchange.url, {
        method: 'POST',
        headers,
        body: exchange.requestText,
        signal,
      });
    } catch (error) {
      const failed = toSparkError(error, 'The HTTP request failed');
      const message = redact(failed.message);
      throw message === failed.message ? failed : new SparkConnectionError(message);
    }
    try {
      if (!response.ok) {
        const body = redact(await readBounded(response));
        throw errorFromResponse({
          status: response.status,
          body,
          retryAfter: response.headers.get('retry-after'),
        });
      }
      const type = response.headers.get('content-type') ?? '';
      let frames: AsyncQueue<string>;
      // A JSON answer has been read (and its body cancelled) by the time it is queued: nothing to close.
      let close = nothing;
      if (JSON_TYPE.test(type)) frames = await fromJsonAnswer(response, redact);
      else if (EVENT_STREAM_TYPE.test(type) && response.body) {
        const events = eventData(response.body);
        frames = events.frames;
        close = events.cancel;
      } else {
        throw new SparkProtocolError(
          `Spark answered with ${type === '' ? 'no content type' : `"${type.slice(0, 60)}"`} instead of an event stream.`,
        );
      }
      const connection: FrameConnection<string> = {
        frames,
        decode: createEventDecoder(),
        close,
      };
      return connection as FrameConnection;
    } catch (error) {
      cancelBody(response);
      throw error;
    }
  };
}

const nothing = () => {};

/**
 * Cancels a body nobody reads, which closes its HTTP connection (cheaper than aborting the request,
 * which also has fetch try to cancel the request body it has long sent). A body being read is left to
 * its reader.
 */
function cancelBody(response: Response): void {
  const body = response.body;
  if (body && !body.locked) body.cancel(CLOSED).catch(() => undefined);
}
