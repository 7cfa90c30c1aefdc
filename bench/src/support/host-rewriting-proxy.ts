/**
 * A loopback TCP proxy that can rewrite the `Host` header of the HTTP upgrade request.
 *
 * The LangChain peer signs for host `spark-api.xf-yun.com` whatever URL it dials, and the mock (like
 * the real gateway) verifies the signature against the `Host` header it receives. Putting this proxy
 * in front of the mock with `rewriteHost: 'spark-api.xf-yun.com'` makes the peer's signature valid
 * without touching its code. The SDK side goes through an identical proxy that rewrites nothing, so
 * both sides pay the same extra hop.
 */
import { createConnection, createServer, type Server, type Socket } from 'node:net';

/** Options of {@link startHostRewritingProxy}. */
export interface HostRewritingProxyOptions {
  /** Port of the upstream server on 127.0.0.1. */
  targetPort: number;
  /** Host header value to send upstream; `undefined` forwards the request unchanged. */
  rewriteHost?: string | undefined;
}

/** A running proxy. */
export interface HostRewritingProxy {
  port: number;
  close(): Promise<void>;
}

const HEADER_END = '\r\n\r\n';

/** Starts the proxy on 127.0.0.1 (an ephemeral port). */
export async function startHostRewritingProxy(
  options: HostRewritingProxyOptions,
): Promise<HostRewritingProxy> {
  const sockets = new Set<Socket>();
  // No Nagle on either leg: small WebSocket frames must not wait for delayed ACKs.
  const server: Server = createServer({ noDelay: true }, (client) => {
    sockets.add(client);
    client.on('close', () => sockets.delete(client));
    let head = Buffer.alloc(0);
    const onHead = (chunk: Buffer): void => {
      head = Buffer.concat([head, chunk]);
      const end = head.indexOf(HEADER_END);
      if (end === -1) return;
      client.off('data', onHead);
      client.pause();
      const headers = head.subarray(0, end).toString('latin1');
      const rewritten =
        options.rewriteHost === undefined
          ? headers
          : headers.replace(/^host:.*$/im, `Host: ${options.rewriteHost}`);
      const upstream = createConnection({ host: '127.0.0.1', port: options.targetPort, noDelay: true });
      sockets.add(upstream);
      upstream.on('close', () => {
        sockets.delete(upstream);
        client.destroy();
      });
      client.on('close', () => upstream.destroy());
      upstream.on('error', () => client.destroy());
      client.on('error', () => upstream.destroy());
      upstream.write(Buffer.concat([Buffer.from(rewritten, 'latin1'), head.subarray(end)]));
      upstream.pipe(client);
      client.pipe(upstream);
      client.resume();
    };
    client.on('data', onHead);
    client.on('error', () => client.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('proxy did not bind a TCP port');
  return {
    port: address.port,
    close: () =>
      new Promise((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
