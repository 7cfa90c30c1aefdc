import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { SparkError } from '@xinghuo/core';
import { connectThroughTunnel, openProxyTunnel } from '../proxy/proxy-tunnel';

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
 * (any answer carries the server's clock). Certificates are verified; nothing is followed.
 */
export async function probeHttp(
  url: string,
  options: { proxy?: URL | undefined; timeoutMs: number },
): Promise<ProbeAnswer> {
  const target = new URL(url);
  const signal = AbortSignal.timeout(options.timeoutMs);
  let tunnel: Awaited<ReturnType<typeof openProxyTunnel>> | undefined;
  try {
    tunnel = options.proxy ? await openProxyTunnel(options.proxy, target, { signal }) : undefined;
  } catch (error) {
    throw new ProbeError(
      signal.aborted ? `no answer within ${options.timeoutMs} ms` : (error as SparkError).message,
    );
  }
  return new Promise<ProbeAnswer>((resolve, reject) => {
    const request = (target.protocol === 'https:' ? httpsRequest : httpRequest)(
      target,
      {
        method: 'GET',
        signal,
        rejectUnauthorized: true,
        ...(tunnel ? { createConnection: () => connectThroughTunnel(tunnel, target) } : {}),
      },
      (response) => {
        resolve({ status: response.statusCode ?? 0, date: response.headers.date });
        response.destroy();
      },
    );
    request.once('error', (error: Error & { code?: string }) => {
      tunnel?.destroy();
      const reason = signal.aborted ? `no answer within ${options.timeoutMs} ms` : (error.code ?? error.name);
      reject(new ProbeError(SparkError.isInstance(error) ? error.message : reason));
    });
    request.end();
  });
}
