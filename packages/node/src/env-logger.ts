/**
 * `XINGHUO_LOG=debug|info|warn|error`: the SDK's log lines on stderr without writing a logger, like
 * openai-node's `OPENAI_LOG`. Every line goes through `redactSecrets` with the client's key and secret,
 * on top of the redaction core already applies (signed URLs, error messages), so no credential or
 * signed-URL authorization can reach the terminal or a log file.
 */
import { redactSecrets, type SparkLogger } from '@xinghuo/core';

/** The levels of `XINGHUO_LOG`, most verbose first; `off` (or unset) logs nothing. */
export const LOG_LEVELS = ['debug', 'info', 'warn', 'error'] as const;

/** A level of {@link LOG_LEVELS}. */
export type SparkLogLevel = (typeof LOG_LEVELS)[number];

/** Where the lines go; default `process.stderr`. */
export type LogLineWriter = (line: string) => void;

const writeToStderr: LogLineWriter = (line) => {
  process.stderr.write(line);
};

function isLogLevel(value: string): value is SparkLogLevel {
  return (LOG_LEVELS as readonly string[]).includes(value);
}

function stringify(data: Record<string, unknown>): string {
  try {
    return JSON.stringify(data);
  } catch {
    return '{"note":"data not serializable"}';
  }
}

/**
 * A logger that writes the lines at `level` and above as
 * `<ISO time> <LEVEL> <message> <JSON data>`, each redacted of the signed-URL authorization and of
 * `secrets`.
 */
export function createStderrLogger(
  level: SparkLogLevel,
  secrets: readonly (string | undefined)[],
  write: LogLineWriter = writeToStderr,
): SparkLogger {
  const logger: SparkLogger = {};
  for (const candidate of LOG_LEVELS.slice(LOG_LEVELS.indexOf(level))) {
    logger[candidate] = (message, data) => {
      const details = data === undefined ? '' : ` ${stringify(data)}`;
      const line = `${new Date().toISOString()} ${candidate.toUpperCase()} ${message}${details}`;
      write(`${redactSecrets(line, secrets)}\n`);
    };
  }
  return logger;
}

/**
 * The logger `XINGHUO_LOG` asks for: undefined when it is unset, empty or `off`. A value that is no
 * level logs nothing either, and says so once on stderr (a typo in a variable must not stop the app).
 */
export function loggerFromLogLevel(
  value: string | undefined,
  secrets: readonly (string | undefined)[],
  write: LogLineWriter = writeToStderr,
): SparkLogger | undefined {
  const level = value?.trim().toLowerCase();
  if (!level || level === 'off') return undefined;
  if (isLogLevel(level)) return createStderrLogger(level, secrets, write);
  const shown = level.length <= 16 ? `"${level}"` : `(a ${level.length}-character value)`;
  write(`xinghuo: XINGHUO_LOG=${shown} is not one of ${LOG_LEVELS.join(', ')}, off; nothing is logged.\n`);
  return undefined;
}
