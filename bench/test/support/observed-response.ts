/**
 * Re-wraps a `fetch` response so a test sees its body go by: every chunk as it is read, and the one
 * moment the body is finished (read to the end, failed or cancelled). Cancelling the wrapper cancels
 * the real body, so the client under test still controls the connection. {@link observeFetch} does
 * it for every request of a `fetch` and counts the requests still open.
 */
import type { SparkFetch } from '@xinghuo/core';

/** What the test wants to see of a response body. */
export interface BodyObserver {
  /** Each chunk, in order, as the client reads it. */
  onChunk?: (bytes: Uint8Array) => void;
  /** Once: the body ended, failed or was cancelled. */
  onFinish: () => void;
}

/** A response like `response` whose body reports to `observer`. */
export function observeResponse(response: Response, observer: BodyObserver): Response {
  let finished = false;
  const finish = () => {
    if (finished) return;
    finished = true;
    observer.onFinish();
  };
  if (!response.body) {
    finish();
    return response;
  }
  const reader = response.body.getReader();
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        const { done, value } = await reader.read();
        if (done) {
          finish();
          controller.close();
          return;
        }
        observer.onChunk?.(value);
        controller.enqueue(value);
      } catch (error) {
        finish();
        controller.error(error);
      }
    },
    async cancel(reason) {
      finish();
      await reader.cancel(reason);
    },
  });
  return new Response(body, { status: response.status, headers: response.headers });
}

/** What a test wants to see of one request made through {@link observeFetch}. */
export interface RequestObserver {
  /** Each chunk of the response body, in order, as the client reads it. */
  onChunk?: (bytes: Uint8Array) => void;
  /**
   * Once: the request is over. `body` when its body ended, failed or was cancelled; `abort` when the
   * client aborted it first; `error` when `fetch` itself failed.
   */
  onClose?: (how: 'body' | 'abort' | 'error') => void;
}

/** A `fetch` that reports each request, and how many are still open. */
export interface ObservedFetch {
  fetch: SparkFetch;
  /** Requests not yet over: their body is unfinished and the client has not aborted them. */
  openRequests(): number;
}

/** Wraps `inner` so `observe(input, init)` is called for each request and told how it goes. */
export function observeFetch(
  inner: SparkFetch,
  observe: (input: string, init: RequestInit) => RequestObserver,
): ObservedFetch {
  let open = 0;
  const fetch: SparkFetch = async (input, init) => {
    const observer = observe(input, init);
    open += 1;
    let closed = false;
    const close = (how: 'body' | 'abort' | 'error') => {
      if (closed) return;
      closed = true;
      open -= 1;
      observer.onClose?.(how);
    };
    init.signal?.addEventListener('abort', () => close('abort'), { once: true });
    let response: Response;
    try {
      response = await inner(input, init);
    } catch (error) {
      close('error');
      throw error;
    }
    return observeResponse(response, {
      ...(observer.onChunk ? { onChunk: observer.onChunk } : {}),
      onFinish: () => close('body'),
    });
  };
  return { fetch, openRequests: () => open };
}
