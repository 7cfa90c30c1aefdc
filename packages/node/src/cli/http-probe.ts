import { SparkError } from '@xinghuo/core';
import { createNodeFetch } from '../http/node-fetch';

/** What a probe saw: the HTTP status and the server's `Date` header. */
export interface ProbeAnswer {
  status: number;
  date: string | undefined;
}

/** A probe that got no HTTP answer; `reason` is short and names no credential. */
export class ProbeError extends Error {
  override name = 'ProbeError';
}

/**
 * One `GET` to an http(s) URL, directly or through a proxy tunnel, for its status and `Date` header
 * (any answer carries the server's clock). Certificates are verified; nothing is followed. Sent with
 * the Node `fetch` the HTTP protocol uses, so the probe takes the same route as the requests.
 */
export async function probeHttp(
  url: string,
  options: { proxy?: URL | undefined; timeoutMs: number },
): Promise<ProbeAnswer> {
  const signal = AbortSignal.timeout(options.timeoutMs);
  let response: Response;
  try {
    response = await createNodeFetch({ proxy: options.proxy })(url, { method: 'GET', signal });
  } catch (error) {
    if (signal.aborted) throw new ProbeError(`no answer within ${options.timeoutMs} ms`);
    // The proxy tunnel's own errors are typed and name only the proxy's host.
    if (SparkError.isInstance(error)) throw new ProbeError(error.message);
    // fetch's `TypeError: fetch failed` carries the network error (`ECONNREFUSED`, a TLS code) as `cause`.
    const cause = (error as { cause?: Error & { code?: string } }).cause;
    throw new ProbeError(cause?.code ?? cause?.name ?? (error as Error).name);
  }
  // Only the head is wanted: cancelling the body closes the socket.
  void response.body?.cancel();
  return { status: response.status, date: response.headers.get('date') ?? undefined };
}
