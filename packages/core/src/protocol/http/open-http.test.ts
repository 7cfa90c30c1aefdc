import { describe, expect, it } from 'vitest';
import { useSseServer } from '../../internal-test-support/per-test-sse-server';
import { contentChunk, type RecordedRequest, writeEvents } from '../../internal-test-support/sse-server';
import { resolveModel } from '../../models/models';
import { openHttp, type SparkFetch } from './open-http';

const server = useSseServer();

/** Opens one attempt against this test's server, with `fetch` (the global one unless given). */
function openAttempt(
  signal: AbortSignal,
  fetch: SparkFetch = (input, init) => globalThis.fetch(input, init),
) {
  const open = openHttp({
    url: `${server.url}/v1/chat/completions`,
    model: resolveModel('lite'),
    requestText: '{"model":"lite","messages":[],"stream":true}',
    credential: 'password-of-the-test',
    fetch,
  });
  return open({ attempt: 1, date: new Date(), signal });
}

/** Starts a server that never answers; `first` resolves with the first request it receives. */
async function holdRequests(): Promise<{ first: Promise<RecordedRequest> }> {
  let arrived: (request: RecordedRequest) => void = () => undefined;
  const first = new Promise<RecordedRequest>((resolve) => {
    arrived = resolve;
  });
  await server.start(({ request }) => arrived(request));
  return { first };
}

// The attempt signal is the one `fetch` gets: these are the aborts it must still carry out, now that
// no controller of the HTTP protocol's own stands between them.
describe('openHttp', () => {
  it('aborts a request whose response head has not come when the attempt signal aborts', async () => {
    const { first } = await holdRequests();
    const attempt = new AbortController();
    const opening = openAttempt(attempt.signal);
    const request = await first;
    attempt.abort(new Error('the connect deadline'));
    await expect(opening).rejects.toThrow();
    await request.closed;
  });

  it('fails reading an error body the server stalls when the attempt signal aborts, and closes it', async () => {
    await server.start(({ response }) => {
      response.writeHead(500, { 'content-type': 'application/json' });
      response.write('{"error":');
    });
    const attempt = new AbortController();
    let headArrived: () => void = () => undefined;
    const head = new Promise<void>((resolve) => {
      headArrived = resolve;
    });
    const opening = openAttempt(attempt.signal, async (input, init) => {
      const response = await globalThis.fetch(input, init);
      headArrived();
      return response;
    });
    await head;
    const reason = new Error('the connect deadline');
    attempt.abort(reason);
    await expect(opening).rejects.toBe(reason);
    await server.requests[0]?.closed;
  });

  it('cancels the event stream on close(), which closes the HTTP request', async () => {
    await server.start(({ response }) =>
      writeEvents(response, [contentChunk({ content: '一' })], { done: false, end: false }),
    );
    const connection = await openAttempt(new AbortController().signal);
    connection.close();
    await server.requests[0]?.closed;
  });

  it('closes the request of an answer that is neither JSON nor an event stream', async () => {
    await server.start(({ response }) => {
      response.writeHead(200, { 'content-type': 'text/html' });
      response.write('<html>');
    });
    await expect(openAttempt(new AbortController().signal)).rejects.toThrow(/text\/html/);
    await server.requests[0]?.closed;
  });
});
