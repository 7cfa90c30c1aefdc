/**
 * Re-wraps a `fetch` response so a test sees its body go by: every chunk as it is read, and the one
 * moment the body is finished (read to the end, failed or cancelled). Cancelling the wrapper cancels
 * the real body, so the client under test still controls the connection.
 */

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
