/**
 * Child-process entry that runs the mock Spark server (and, on request, host-rewriting proxies in
 * front of it), so the server's CPU and memory are never counted in a measured client process.
 *
 * Input (JSON argument): {@link MockChildInput}. Prints one JSON line, {@link MockChildReady}, once
 * listening, then runs until its stdin closes (the parent exited or called `stop()`).
 */
import { startMockSpark } from '@xinghuo/mock-server';
import { startHostRewritingProxy } from './host-rewriting-proxy';
import { workerInput } from './workers';

/** What the mock child starts. */
export interface MockChildInput {
  /** Proxies to start in front of the mock: name → Host header to send upstream (`null`: unchanged). */
  proxies?: Record<string, string | null>;
}

/** What the mock child reports once it listens. */
export interface MockChildReady {
  /** WebSocket base URL, e.g. `ws://127.0.0.1:41234`. */
  url: string;
  /** The same listener's HTTP face, e.g. `http://127.0.0.1:41234`. */
  httpURL: string;
  port: number;
  credentials: { appId: string; apiKey: string; apiSecret: string };
  /** The HTTP APIPassword the mock accepts. */
  apiPassword: string;
  /** Proxy name → its loopback port. */
  proxyPorts: Record<string, number>;
}

const input = workerInput<MockChildInput>();
const mock = await startMockSpark();
const proxies = await Promise.all(
  Object.entries(input.proxies ?? {}).map(async ([name, rewriteHost]) => {
    const proxy = await startHostRewritingProxy({
      targetPort: mock.port,
      rewriteHost: rewriteHost ?? undefined,
    });
    return [name, proxy] as const;
  }),
);

const ready: MockChildReady = {
  url: mock.url,
  httpURL: mock.httpURL,
  port: mock.port,
  credentials: mock.credentials,
  apiPassword: mock.apiPassword,
  proxyPorts: Object.fromEntries(proxies.map(([name, proxy]) => [name, proxy.port])),
};
process.stdout.write(`${JSON.stringify(ready)}\n`);

process.stdin.resume();
process.stdin.on('end', async () => {
  await Promise.all(proxies.map(([, proxy]) => proxy.close()));
  await mock.close();
  process.exit(0);
});
