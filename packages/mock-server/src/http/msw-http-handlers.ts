import { type HttpHandler, HttpResponse, http } from 'msw';
import type { MockSparkEngine } from '../engine.js';
import { ChatCompletionsExchange } from './chat-completions-exchange.js';
import type { HttpResponseSink } from './http-response-sink.js';
import { MOCK_HTTP_ROUTES } from './http-routes.js';

/**
 * msw `http.post` handlers for `<baseURL>/v1|/v2|/x2/chat/completions`, answered by the engine's HTTP
 * exchange: whole JSON bodies, streamed SSE bodies (a `ReadableStream`), `HttpResponse.error()` for a
 * connection dropped before the response and an errored body stream for one dropped mid-stream.
 */
export function chatCompletionsHandlers(engine: MockSparkEngine, baseURL: string): HttpHandler[] {
  return MOCK_HTTP_ROUTES.map((route) =>
    http.post(`${baseURL}${route.path}`, ({ request }) => answer(engine, request, route.path)),
  );
}

function answer(engine: MockSparkEngine, request: Request, path: string): Promise<Response> {
  return new Promise<Response>((resolve) => {
    const body = new PulledBody(() => exchange.handleClose());
    const sink: HttpResponseSink = {
      respond: (status, headers, text) => resolve(new HttpResponse(text, { status, headers })),
      open(status, headers) {
        body.opened = true;
        resolve(new HttpResponse(body.stream, { status, headers }));
      },
      write: (text) => body.push(text),
      end: () => body.push(END),
      destroy: () => {
        if (body.opened) body.push(new TypeError('terminated: the mock dropped the connection'));
        else resolve(HttpResponse.error());
      },
    };
    const exchange = new ChatCompletionsExchange(engine, sink);
    // msw hands the client a clone of the response, so cancelling its body never reaches this stream;
    // the request's abort signal is how the handler learns that the client went away.
    request.signal.addEventListener('abort', () => {
      exchange.handleClose();
      if (body.opened) body.push(abortError(request.signal.reason));
      resolve(HttpResponse.error());
    });
    const url = new URL(request.url);
    void request.text().then(
      (text) =>
        exchange.run({
          path,
          url: `${url.origin}${url.pathname}`,
          authorization: request.headers.get('authorization'),
          body: text,
        }),
      () => exchange.handleClose(),
    );
  });
}

const END = Symbol('end');

function abortError(reason: unknown): Error {
  return reason instanceof Error ? reason : new DOMException('The operation was aborted.', 'AbortError');
}

/**
 * A response body the client pulls one piece at a time. Erroring a `ReadableStream` discards what is
 * still queued, so a drop is queued behind the chunks written before it and only errors the stream
 * once the client has read them, as a broken connection would.
 */
class PulledBody {
  opened = false;
  readonly stream: ReadableStream<Uint8Array>;
  readonly #queue: (string | Error | typeof END)[] = [];
  readonly #encoder = new TextEncoder();
  #wake: (() => void) | undefined;
  #finished = false;

  constructor(onCancel: () => void) {
    this.stream = new ReadableStream<Uint8Array>(
      {
        pull: async (controller) => {
          while (this.#queue.length === 0) await new Promise<void>((resolve) => (this.#wake = resolve));
          const item = this.#queue.shift()!;
          if (item === END) controller.close();
          else if (item instanceof Error) controller.error(item);
          else controller.enqueue(this.#encoder.encode(item));
        },
        cancel: () => {
          this.#finished = true;
          onCancel();
        },
      },
      { highWaterMark: 0 },
    );
  }

  push(item: string | Error | typeof END): void {
    if (this.#finished) return;
    if (item === END || item instanceof Error) this.#finished = true;
    this.#queue.push(item);
    this.#wake?.();
    this.#wake = undefined;
  }
}
