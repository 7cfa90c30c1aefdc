import { parseArgs } from 'node:util';
import type { MockSparkOptions } from './server.js';

/** The CLI's help text. */
export const CLI_HELP = `Usage: xinghuo-mock [options]

Runs a mock iFlytek Spark (讯飞星火) server until stopped (Ctrl+C): the WebSocket API and, on the
same port, the OpenAI-compatible HTTP API (POST /v1|/v2|/x2/chat/completions).

Options:
  --port <n>          port to listen on (default 8787; 0 picks a free port)
  --host <address>    interface to listen on (default 127.0.0.1)
  --app-id <id>       APPID to accept (default mockapp1)
  --api-key <key>     APIKey to accept (default: fixed fake test key)
  --api-secret <s>    APISecret to verify signatures with (default: fixed fake test secret)
  --api-password <p>  HTTP APIPassword to accept as "Bearer <p>" (default: fixed fake test password;
                      "Bearer <api-key>:<api-secret>" is accepted too)
  --latency-ms <n>    delay before each answer frame (default 0)
  --chunk-chars <n>   characters of answer text per frame (default 10)
  --signed-url-reuse <allow|reject>
                      accept one signed URL for several connections or only one (default allow)
  --print-env         print the variables a client needs as sh export lines and exit
                      (eval "$(xinghuo-mock --print-env)"; needs a fixed --port)
  -h, --help          show this help
`;

/** Parsed command line: help, the environment to print, or a server to run. */
export type CliCommand = { help: true } | { help: false; printEnv: boolean; options: MockSparkOptions };

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
      'api-password': { type: 'string' },
      'latency-ms': { type: 'string' },
      'chunk-chars': { type: 'string' },
      'signed-url-reuse': { type: 'string' },
      'print-env': { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help === true) return { help: true };
  const options: MockSparkOptions = {
    port: integer(values.port ?? '8787', '--port', 0, 65535),
    host: values.host ?? '127.0.0.1',
    // Nothing can read the records of a mock in its own process: keep none, so memory stays flat.
    maxRecords: 0,
  };
  if (values['app-id'] !== undefined) options.appId = values['app-id'];
  if (values['api-key'] !== undefined) options.apiKey = values['api-key'];
  if (values['api-secret'] !== undefined) options.apiSecret = values['api-secret'];
  if (values['api-password'] !== undefined) options.apiPassword = values['api-password'];
  if (values['latency-ms'] !== undefined) {
    options.latencyMs = integer(values['latency-ms'], '--latency-ms', 0, 600_000);
  }
  if (values['chunk-chars'] !== undefined) {
    options.chunkChars = integer(values['chunk-chars'], '--chunk-chars', 1, 100_000);
  }
  const reuse = values['signed-url-reuse'];
  if (reuse !== undefined) {
    if (reuse !== 'allow' && reuse !== 'reject') {
      throw new Error(`--signed-url-reuse must be "allow" or "reject", got "${reuse}"`);
    }
    options.signedUrlReuse = reuse;
  }
  const printEnv = values['print-env'] === true;
  if (printEnv && options.port === 0) {
    throw new Error('--print-env needs a fixed --port: with port 0 the port is only known once listening');
  }
  return { help: false, printEnv, options };
}

function integer(text: string, name: string, min: number, max: number): number {
  const value = Number(text);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new Error(`${name} must be an integer from ${min} to ${max}, got "${text}"`);
  }
  return value;
}
