import { parseArgs } from 'node:util';
import { closestMatch } from './did-you-mean';

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
  /** `--model-url`: the endpoint of a model not in the registry; `--model` is then its domain. */
  modelUrl?: string | undefined;
  /** `--protocol`: `ws` (the signed WebSocket) or `http` (the OpenAI-compatible API); else `SPARK_PROTOCOL`. */
  protocol?: 'ws' | 'http' | undefined;
  /** `--proxy`: an HTTP proxy for every connection, instead of the proxy environment variables. */
  proxy?: string | undefined;
  mock: boolean;
  /** `--mock-latency`: the embedded mock's delay before each answer frame, in milliseconds. */
  mockLatencyMs?: number | undefined;
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

/** The default `--mock-latency`: about the pace of a real Spark stream, so streaming and Ctrl-C show. */
export const DEFAULT_MOCK_LATENCY_MS = 30;

const OPTIONS = {
  model: { type: 'string', short: 'm' },
  'model-url': { type: 'string' },
  system: { type: 'string', short: 's' },
  temperature: { type: 'string', short: 't' },
  'max-tokens': { type: 'string' },
  'base-url': { type: 'string' },
  proxy: { type: 'string' },
  protocol: { type: 'string' },
  mock: { type: 'boolean' },
  'mock-latency': { type: 'string' },
  json: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'v' },
} as const;

function parseNumber(value: string | undefined, flag: string, integer: boolean): number | undefined {
  if (value === undefined) return undefined;
  const parsed = Number(value);
  if (value.trim() === '' || !Number.isFinite(parsed) || (integer && !Number.isInteger(parsed))) {
    throw new CliUsageError(`${flag} expects ${integer ? 'an integer' : 'a number'}, got "${value}".`);
  }
  return parsed;
}

/**
 * Names an unknown flag and suggests the closest known one. `parseArgs` alone answers `--mokc` with
 * advice about positionals starting with '-' (and an unbalanced quote), which helps nobody.
 */
function checkForUnknownOptions(argv: readonly string[]): void {
  const { tokens } = parseArgs({
    args: [...argv],
    options: OPTIONS,
    strict: false,
    allowPositionals: true,
    tokens: true,
  });
  for (const token of tokens) {
    if (token.kind !== 'option') continue;
    // Known short flags come back under their long name.
    if (token.name in OPTIONS) continue;
    const suggestion = token.rawName.startsWith('--')
      ? closestMatch(token.name, Object.keys(OPTIONS))
      : undefined;
    throw new CliUsageError(
      `Unknown option ${token.rawName}.${suggestion ? ` Did you mean --${suggestion}?` : ''}`,
    );
  }
}

function parseProtocol(value: string | undefined): 'ws' | 'http' | undefined {
  if (value === undefined) return undefined;
  const lower = value.trim().toLowerCase();
  if (lower === 'ws' || lower === 'http') return lower;
  throw new CliUsageError(`--protocol expects "ws" or "http", got "${value}".`);
}

function parseNonNegativeInteger(value: string | undefined, flag: string): number | undefined {
  const parsed = parseNumber(value, flag, true);
  if (parsed !== undefined && parsed < 0)
    throw new CliUsageError(`${flag} cannot be negative, got "${value}".`);
  return parsed;
}

/** Parses `argv` (without `node` and the script) with `node:util` `parseArgs`. */
export function parseCliArguments(argv: readonly string[]): CliArguments {
  checkForUnknownOptions(argv);
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
      modelUrl: values['model-url'],
      proxy: values.proxy,
      protocol: parseProtocol(values.protocol),
      mock: values.mock ?? false,
      mockLatencyMs: parseNonNegativeInteger(values['mock-latency'], '--mock-latency'),
      json: values.json ?? false,
      help: values.help ?? false,
      version: values.version ?? false,
    },
  };
}

function parse(argv: readonly string[]) {
  return parseArgs({ args: [...argv], allowPositionals: true, strict: true, options: OPTIONS });
}
