import { existsSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { type MockSpark, startMockSpark } from '@xinghuo/mock-server';
import {
  createRelayHandler,
  createSigningHandler,
  MODELS,
  type RelayHandlerOptions,
  type SigningHandlerOptions,
  toNodeHandler,
} from '@xinghuo/node';
import { createApiHandler, isRelayPath, type PublicConfig, RELAY_PATH } from './api-handler';
import { checkHostHeader, DEFAULT_HOST, displayUrl, isLoopbackHost } from './listen-address';
import { MOCK_FAULTS } from './mock-faults';
import { type PlaygroundEnvironment, type SparkMode, sparkModeFromEnv } from './spark-mode';
import { createStaticHandler } from './static-files';

/** Handles every request that is not under `/api/` (the built UI, or Vite's dev middleware). */
export type PageHandler = (request: IncomingMessage, response: ServerResponse) => void | Promise<void>;

/** Options of {@link startPlaygroundServer}. */
export interface PlaygroundServerOptions {
  /** Port to listen on; 0 picks a free one (default 5173). */
  port?: number | undefined;
  /** Interface to bind (default 127.0.0.1). */
  host?: string | undefined;
  /** Where `SPARK_*` and `PLAYGROUND_MOCK` are read from (default `process.env`). */
  env?: PlaygroundEnvironment | undefined;
  /** The built UI (default `dist/ui` next to the server bundle). Ignored when `pages` is given. */
  staticDir?: string | undefined;
  /** Serves the page instead of `staticDir`, e.g. Vite's middleware in development. */
  pages?: PageHandler | undefined;
  /** Mock mode: delay before each frame (default 30 ms, so streaming is visible). */
  mockLatencyMs?: number | undefined;
  /** Mock mode: characters of answer text per frame (default 4). */
  mockChunkChars?: number | undefined;
}

/** A running playground. */
export interface PlaygroundServer {
  /** The URL to open, e.g. `http://localhost:5173`. */
  url: string;
  port: number;
  mode: SparkMode['mode'];
  /** The bundled mock Spark server (mock mode only): tests read its recorded requests. */
  mock: MockSpark | undefined;
  /** Stops accepting, ends open connections and stops the mock server. */
  close(): Promise<void>;
}

/** Request bodies of the playground's own API routes are tiny JSON objects. */
const API_BODY_BYTES = 16 * 1024;

/** Chat requests through the relay carry the history: the relay's own default bound. */
const RELAY_BODY_BYTES = 256 * 1024;

/** Model shown first: lite is the one every app id may call for free. */
const DEFAULT_MODEL = 'lite';

/**
 * Starts the playground: the UI, `/api/config`, the URL-signing endpoint (WebSocket), the relay of
 * the HTTP protocol and, without `SPARK_*` credentials, a mock Spark server on a free loopback port
 * that the signed URLs and the relay point at.
 *
 * @example
 * ```ts
 * const playground = await startPlaygroundServer({ port: 0 });
 * console.log(playground.url, playground.mode); // http://localhost:40123 mock
 * await playground.close();
 * ```
 */
export async function startPlaygroundServer(
  options: PlaygroundServerOptions = {},
): Promise<PlaygroundServer> {
  const sparkMode = sparkModeFromEnv(options.env ?? process.env);
  const pages = options.pages ?? createStaticHandler(requireStaticDir(options.staticDir));

  const mock =
    sparkMode.mode === 'mock'
      ? await startMockSpark({
          latencyMs: options.mockLatencyMs ?? 30,
          chunkChars: options.mockChunkChars ?? 4,
        })
      : undefined;
  try {
    const host = options.host ?? DEFAULT_HOST;
    const signing = signingOptions(sparkMode, mock);
    const config: PublicConfig = {
      mode: sparkMode.mode,
      appId: signing.appId,
      models: MODELS.map((model) => model.id),
      defaultModel: DEFAULT_MODEL,
      mockFaults: mock ? MOCK_FAULTS.map(({ id, label }) => ({ id, label })) : undefined,
      relayPath: RELAY_PATH,
    };
    // A loopback server's handlers answer only under loopback names (their default); one bound to
    // another interface was exposed on purpose and serves any name, like the pages.
    const trustedHosts = isLoopbackHost(host) ? undefined : '*';
    const api = createApiHandler({
      config,
      sign: createSigningHandler({ ...signing, trustedHosts }),
      relay: createRelayHandler({
        ...relayOptions(sparkMode, mock),
        trustedHosts,
        // Under any host name, the Host header proves nothing, so the relay cannot tell the page's own
        // origin; the API's write guard (checkWriteRequest) already admits only same-origin POSTs.
        allowedOrigins: trustedHosts === '*' ? '*' : undefined,
      }),
      enqueueMockScenario: mock ? (scenario) => mock.enqueue(scenario) : undefined,
    });
    // Two adapters of the one handler, for two body bounds: chat histories and tiny control bodies.
    const relayListener = toNodeHandler(api, { maxBodyBytes: RELAY_BODY_BYTES });
    const apiListener = toNodeHandler(api, { maxBodyBytes: API_BODY_BYTES });

    // The guard follows the address the socket is bound to once listening (the OS's own spelling:
    // `HOST=localhost` or `HOST=127.1` end up as 127.0.0.1), and the name given, whichever is loopback.
    let boundHost = host;
    const server = createServer((request, response) => {
      const hostCheck = checkHostHeader(request.headers.host, boundHost);
      if (hostCheck !== 'allowed') {
        const malformed = hostCheck === 'malformed';
        response.writeHead(malformed ? 400 : 403, { 'content-type': 'text/plain; charset=utf-8' });
        response.end(
          malformed
            ? 'Malformed Host header.'
            : 'This host name is not allowed. Open the playground at http://localhost.',
        );
        return;
      }
      const path = request.url ?? '/';
      if (path.startsWith('/api/')) {
        (isRelayPath(path.split('?', 1)[0] ?? '') ? relayListener : apiListener)(request, response);
        return;
      }
      Promise.resolve(pages(request, response)).catch(() => {
        if (!response.headersSent) response.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' });
        response.end('Internal error.');
      });
    });

    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(options.port ?? 5173, host, () => {
        server.off('error', reject);
        resolve();
      });
    });
    const { port, address } = server.address() as AddressInfo;
    if (!isLoopbackHost(host) && isLoopbackHost(address)) boundHost = address;

    let closing: Promise<void> | undefined;
    const close = () => {
      closing ??= (async () => {
        const stopped = new Promise<void>((resolve) => server.close(() => resolve()));
        server.closeAllConnections();
        await stopped;
        await mock?.close();
      })();
      return closing;
    };
    return { url: displayUrl(host, port), port, mode: sparkMode.mode, mock, close };
  } catch (error) {
    await mock?.close();
    throw error;
  }
}

/** Mock mode signs for the mock's credentials and address; live mode for the real service. */
function signingOptions(sparkMode: SparkMode, mock: MockSpark | undefined): SigningHandlerOptions {
  if (sparkMode.mode === 'live') {
    const { appId, apiKey, apiSecret, baseURL } = sparkMode;
    // The server binds to loopback by default, so whoever can reach it is the local user.
    return {
      appId,
      apiKey,
      apiSecret,
      baseURL,
      public: true,
      rateLimit: { capacity: 20, refillPerSecond: 2 },
    };
  }
  if (!mock) throw new Error('Mock mode needs the mock server.');
  return { ...mock.credentials, baseURL: mock.url, public: true, rateLimit: false };
}

/**
 * Mock mode relays to the mock's HTTP face with its password; live mode to Spark (or `SPARK_BASE_URL`,
 * read as http(s)) with `SPARK_API_PASSWORD`, else the key pair (sent as `key:secret`).
 */
function relayOptions(sparkMode: SparkMode, mock: MockSpark | undefined): RelayHandlerOptions {
  if (sparkMode.mode === 'live') {
    const { apiPassword, apiKey, apiSecret, baseURL } = sparkMode;
    const credential = apiPassword ? { apiPassword } : { apiKey, apiSecret };
    // `SPARK_BASE_URL` replaces scheme, host and port of every model URL; a ws: one stands for http:.
    const upstream = baseURL ? new URL(baseURL).origin.replace(/^ws(s?):/, 'http$1:') : undefined;
    // Served on loopback by default, as the signing endpoint: whoever reaches it is the local user.
    return { ...credential, upstream, public: true, rateLimit: { capacity: 20, refillPerSecond: 2 } };
  }
  if (!mock) throw new Error('Mock mode needs the mock server.');
  return { apiPassword: mock.apiPassword, upstream: mock.httpURL, public: true, rateLimit: false };
}

/** The built UI must exist: `npm start` builds it, a bare `node dist/server/main.js` may not have. */
function requireStaticDir(staticDir: string | undefined): string {
  const directory = staticDir ?? join(import.meta.dirname, '..', 'ui');
  if (!existsSync(join(directory, 'index.html'))) {
    throw new Error(
      `The UI is not built (no ${join(directory, 'index.html')}). Run \`npm run build\` first.`,
    );
  }
  return directory;
}
