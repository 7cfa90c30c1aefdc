/**
 * Closes the server on SIGINT or SIGTERM and exits. A second signal while closing exits at once,
 * so a stuck shutdown never needs `kill -9`.
 */
export function installShutdown(close: () => Promise<void>): void {
  let stopping = false;
  const onSignal = (signal: NodeJS.Signals) => {
    if (stopping) process.exit(130);
    stopping = true;
    console.log(`\nReceived ${signal}, shutting down…`);
    close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(`Shutdown failed: ${error instanceof Error ? error.message : String(error)}`);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
}
