/**
 * `npm run dev`: the same server as `npm start`, with Vite's dev middleware (hot reload) serving the
 * page instead of the built files. The API, the signing endpoint and the mock server are unchanged.
 */
import { fileURLToPath } from 'node:url';
import { createServer as createViteServer } from 'vite';
import { listenAddressFromEnv } from './listen-address';
import { startPlaygroundServer } from './playground-server';
import { installShutdown } from './shutdown';

async function main(): Promise<void> {
  const vite = await createViteServer({
    root: fileURLToPath(new URL('../..', import.meta.url)),
    server: { middlewareMode: true },
    appType: 'spa',
  });
  const { port, host } = listenAddressFromEnv(process.env);
  const playground = await startPlaygroundServer({
    port,
    host,
    pages: (request, response) => vite.middlewares(request, response),
  });
  installShutdown(async () => {
    await playground.close();
    await vite.close();
  });
  console.log(`xinghuo playground (dev, ${playground.mode} mode) ➜ ${playground.url}`);
}

main().catch((error: unknown) => {
  console.error(
    `xinghuo playground dev server failed: ${error instanceof Error ? error.message : String(error)}`,
  );
  process.exitCode = 1;
});
