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
    const encoder = new TextEncoder();
    let controller: ReadableStreamDefaultController<Uint8Array> | undefined;
    let streamDone = false;
    const sink: HttpResponseSink = {
      respond: (status, headers, body) => resolve(new HttpResponse(body, { status, headers })),
      open(status, headers) {
        const body = new ReadableStream<Uint8Array>({
          start: (started) => {
            controller = started;
          },
          cancel: () => exchange.handleClose(),
        });
        resolve(new HttpResponse(body, { status, headers }));
      },
      write: (text) => {
        if (!streamDone) controller?.enqueue(encoder.encode(text));
      },
      end: () => {
        if (streamDone) return;
        streamDone = true;
        controller?.close();
      },
      destroy: () => {
        if (controller === undefined) {
          resolve(HttpResponse.error());
          return;
        }
        if (streamDone) return;
        streamDone = true;
        // What a fetch client sees when the connection breaks mid-body.
        controller.error(new TypeError('terminated: the mock dropped the connection'));
      },
    };
    const exchange = new ChatCompletionsExchange(engine, sink);
    request.signal.addEventListener('abort', () => {
      exchange.handleClose();
      resolve(HttpResponse.error());
    });
    const url = new URL(request.url);
    void request.text().then(
      (body) =>
        exchange.run({
          path,
          url: `${url.origin}${url.pathname}`,
          authorization: request.headers.get('authorization'),
          body,
        }),
      () => exchange.handleClose(),
    );
  });
}
