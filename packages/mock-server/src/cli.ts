#!/usr/bin/env node
import { CLI_HELP, parseCliArguments } from './cli-arguments.js';
import { DEFAULT_API_PASSWORD, DEFAULT_CREDENTIALS } from './credentials.js';
import { MOCK_HTTP_ROUTES } from './http/http-routes.js';
import { baseUrlOf, envExports } from './print-env.js';
import { MOCK_ROUTES } from './routes.js';
import { startMockSpark } from './server.js';

/** Entry point of `xinghuo-mock`: start the server, print how to reach it, stop on SIGINT/SIGTERM. */
async function main(): Promise<void> {
  let command: ReturnType<typeof parseCliArguments>;
  try {
    command = parseCliArguments(process.argv.slice(2));
  } catch (error) {
    console.error(`xinghuo-mock: ${error instanceof Error ? error.message : String(error)}\n\n${CLI_HELP}`);
    process.exitCode = 2;
    return;
  }
  if (command.help) {
    console.log(CLI_HELP);
    return;
  }
  const { options } = command;
  if (command.printEnv) {
    // What a server started with the same options will accept, without starting one.
    const credentials = {
      appId: options.appId ?? DEFAULT_CREDENTIALS.appId,
      apiKey: options.apiKey ?? DEFAULT_CREDENTIALS.apiKey,
      apiSecret: options.apiSecret ?? DEFAULT_CREDENTIALS.apiSecret,
      apiPassword: options.apiPassword ?? DEFAULT_API_PASSWORD,
    };
    process.stdout.write(
      envExports(baseUrlOf(options.host ?? '127.0.0.1', options.port ?? 8787), credentials),
    );
    return;
  }
  const mock = await startMockSpark(options);
  // Handlers before the first line of output: whoever reads that line may signal at once.
  const stop = (signal: NodeJS.Signals) => {
    console.log(`xinghuo-mock: ${signal} received, closing`);
    void mock.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  console.log(`xinghuo-mock listening on ${mock.url} (WebSocket) and ${mock.httpURL} (HTTP)`);
  console.log(`SPARK_BASE_URL=${mock.url}`);
  console.log(`SPARK_HTTP_BASE_URL=${mock.httpURL}`);
  console.log(`SPARK_APP_ID=${mock.credentials.appId}`);
  console.log(`SPARK_API_KEY=${mock.credentials.apiKey}`);
  console.log(`SPARK_API_PASSWORD=${mock.apiPassword}`);
  // Last of the settings: readers wait for this line to know they have them all.
  console.log(`SPARK_API_SECRET=${mock.credentials.apiSecret}`);
  console.log(`models: ${MOCK_ROUTES.map((route) => `${route.id} ${route.path}`).join(', ')}`);
  console.log(
    `HTTP: ${MOCK_HTTP_ROUTES.map((route) => `${route.path} (${Object.keys(route.models).join(', ')})`).join('; ')}`,
  );
}

void main();
