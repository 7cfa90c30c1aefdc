import { parseArgs } from 'node:util';
import type { MockSparkOptions } from './server.js';

/** The CLI's help text. */
export const CLI_HELP = `Usage: xinghuo-mock [options]

Runs a mock iFlytek Spark (讯飞星火) WebSocket server until stopped (Ctrl+C).

Options:
  --port <n>          port to listen on (default 8787; 0 picks a free port)
  --host <address>    interface to listen on (default 127.0.0.1)
  --app-id <id>       APPID to accept (default mockapp1)
  --api-key <key>     APIKey to accept (default: fixed fake test key)
  --api-secret <s>    APISecret to verify signatures with (default: fixed fake test secret)
  --latency-ms <n>    delay before each answer frame (default 0)
  --chunk-chars <n>   characters of answer text per frame (default 10)
  -h, --help          show this help
`;

/** Parsed command line: either help or server options. */
export type CliCommand = { help: true } | { help: false; options: MockSparkOptions };

/** Parses the CLI arguments; throws an `Error` with a readable message on bad input. */
export function parseCliArguments(argv: readonly string[]): CliCommand {
  const { values } = parseArgs({
    args: [...argv],
    strict: true,
    options: {
      port: { type: 'string' },
      host: { type: 'string' },
      'app-id': { type: 'string' },
      'api-key': { type: 'string' },
      'api-secret': { type: 'string' },
      'latency-ms': { type: 'string' },
      'chunk-chars': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help === true) return { help: true };
  const options: MockSparkOptions = {
    port: integer(values.port ?? '8787', '--port', 0, 65535),
    host: values.host ?? '127.0.0.1',
  };
  if (values['app-id'] !== undefined) options.appId = values['app-id'];
  if (values['api-key'] !== undefined) options.apiKey = values['api-key'];
  if (values['api-secret'] !== undefined) options.apiSecret = values['api-secret'];
  if (values['latency-ms'] !== undefined) {
    options.latencyMs = integer(values['latency-ms'], '--latency-ms', 0, 600_000);
  }
  if (values['chunk-chars'] !== undefined) {
    options.chunkChars = integer(values['chunk-chars'], '--chunk-chars', 1, 100_000);
  }
  return { help: false, options };
}

function integer(text: string, name: string, min: number, max: number): number {
  const value = Number(text);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new Error(`${name} must be an integer from ${min} to ${max}, got "${text}"`);
  }
  return value;
}
