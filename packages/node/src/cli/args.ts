import { parseArgs } from 'node:util';

/** A mistake in the command line: printed with a pointer to `--help`, exit status 2. */
export class CliUsageError extends Error {
  override name = 'CliUsageError';
}

/** Options shared by every command. */
export interface CliOptions {
  model?: string | undefined;
  system?: string | undefined;
  temperature?: number | undefined;
  maxTokens?: number | undefined;
  baseURL?: string | undefined;
  /** `--proxy`: an HTTP proxy for every connection, instead of the proxy environment variables. */
  proxy?: string | undefined;
  mock: boolean;
  json: boolean;
  help: boolean;
  version: boolean;
}

/** The parsed command line. */
export interface CliArguments {
  command: string | undefined;
  positionals: string[];
  options: CliOptions;
}

function parseNumber(value: string | undefined, flag: string, integer: boolean): number | undefined {
  if (value === undefined) return undefined;
  const parsed = Number(value);
  if (value.trim() === '' || !Number.isFinite(parsed) || (integer && !Number.isInteger(parsed))) {
    throw new CliUsageError(`${flag} expects ${integer ? 'an integer' : 'a number'}, got "${value}".`);
  }
  return parsed;
}

/** Parses `argv` (without `node` and the script) with `node:util` `parseArgs`. */
export function parseCliArguments(argv: readonly string[]): CliArguments {
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse(argv);
  } catch (error) {
    throw new CliUsageError((error as Error).message);
  }
  const { values, positionals } = parsed;
  const [command, ...rest] = positionals;
  return {
    command,
    positionals: rest,
    options: {
      model: values.model,
      system: values.system,
      temperature: parseNumber(values.temperature, '--temperature', false),
      maxTokens: parseNumber(values['max-tokens'], '--max-tokens', true),
      baseURL: values['base-url'],
      proxy: values.proxy,
      mock: values.mock ?? false,
      json: values.json ?? false,
      help: values.help ?? false,
      version: values.version ?? false,
    },
  };
}

function parse(argv: readonly string[]) {
  return parseArgs({
    args: [...argv],
    allowPositionals: true,
    strict: true,
    options: {
      model: { type: 'string', short: 'm' },
      system: { type: 'string', short: 's' },
      temperature: { type: 'string', short: 't' },
      'max-tokens': { type: 'string' },
      'base-url': { type: 'string' },
      proxy: { type: 'string' },
      mock: { type: 'boolean' },
      json: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
      version: { type: 'boolean', short: 'v' },
    },
  });
}
