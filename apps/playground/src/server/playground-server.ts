import { existsSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { type MockSpark, startMockSpark } from '@xinghuo/mock-server';
import { createSigningHandler, MODELS, type SigningHandlerOptions } from '@xinghuo/node';
import { createApiHandler, type PublicConfig } from './api-handler';
import { checkHostHeader, DEFAULT_HOST, displayUrl, isLoopbackHost } from './listen-address';
import { MOCK_FAULTS } from './mock-faults';
import { BodyTooLargeError, sendWebResponse, toWebRequest } from './node-adapter';
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

/** Model shown first: lite is the one every app id may call for free. */
const DEFAULT_MODEL = 'lite';

/**
 * Starts the playground: the UI, `/api/config`, the URL-signing endpoint and, without `SPARK_*`
 * credentials, a mock Spark server on a free loopback port that the signed URLs point at.
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
    };
    const api = createApiHandler({
      config,
      // A loopback server's signing handler answers only under loopback names (its default); one
      // bound to another interface was exposed on purpose and serves any name, like the pages.
      sign: createSigningHandler({ ...signing, trustedHosts: isLoopbackHost(host) ? undefined : '*' }),
      enqueueMockScenario: mock ? (scenario) => mock.enqueue(scenario) : undefined,
    });

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
      const handle = async () => {
        if (request.url?.startsWith('/api/')) {
          const answer = await api(await toWebRequest(request), {
            remoteAddress: request.socket.remoteAddress,
          });
          await sendWebResponse(response, answer);
        } else {
          await pages(request, response);
        }
      };
      handle().catch((error: unknown) => {
        const status = error instanceof BodyTooLargeError ? 413 : 500;
        if (!response.headersSent)
          response.writeHead(status, { 'content-type': 'text/plain; charset=utf-8' });
        response.end(status === 413 ? 'Request body too large.' : 'Internal error.');
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
