/**
 * `npm start`: serves the built playground on http://localhost:5173 (PORT and HOST override it).
 * Without SPARK_* credentials the answers come from the bundled mock Spark server.
 */
import { isLoopbackHost, listenAddressFromEnv } from './listen-address';
import { startPlaygroundServer } from './playground-server';
import { installShutdown } from './shutdown';

async function main(): Promise<void> {
  const { port, host } = listenAddressFromEnv(process.env);
  const playground = await startPlaygroundServer({ port, host });
  installShutdown(playground.close);

  if (playground.mode === 'mock') {
    console.log(
      'xinghuo playground · mock mode: no SPARK_* credentials set, a local mock Spark server answers.',
    );
    console.log(
      '  Set SPARK_APP_ID, SPARK_API_KEY and SPARK_API_SECRET (and SPARK_API_PASSWORD for HTTP, else the key pair is sent)',
    );
    console.log('  to talk to the real service.');
  } else {
    console.log(
      'xinghuo playground · live mode: URLs are signed, and HTTP requests relayed, on this server for the real Spark service.',
    );
    if (!isLoopbackHost(host)) {
      console.warn(`  Warning: listening on ${host}: anyone who can reach it can use your Spark quota.`);
    }
  }
  console.log(`  ➜ ${playground.url}`);
  console.log('  Press Ctrl+C to stop.');
}

main().catch((error: unknown) => {
  const inUse = (error as NodeJS.ErrnoException).code === 'EADDRINUSE';
  const reason = inUse
    ? 'the port is already in use (is the playground already running?). Pick another with PORT=5174 npm start.'
    : error instanceof Error
      ? error.message
      : String(error);
  console.error(`xinghuo playground failed to start: ${reason}`);
  process.exitCode = 1;
});
