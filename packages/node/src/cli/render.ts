import { describeSparkCode, redactSecrets, SparkError, type SparkModel } from '@xinghuo/core';
import { CliUsageError } from './args';
import { stripTerminalEscapes } from './strip-terminal-escapes';

/** What to do next, per error class, when the message itself does not already say so. */
const NEXT_STEP: Partial<Record<SparkError['code'], string>> = {
  timeout: 'Spark did not answer in time; try again, or check the network.',
  connection_error: 'Check the network connection, a proxy, or --base-url / SPARK_BASE_URL.',
  protocol_error: 'The server sent something that is not Spark protocol; check --base-url.',
  aborted: 'Interrupted.',
};

/**
 * One line for stderr describing a failure: the error code, Spark's numeric code and its meaning,
 * the sid and what to do. Never a stack trace, never a secret or a signed URL, never a terminal
 * escape sequence (Spark's error text and the sid come from the network).
 */
export function formatError(error: unknown, secrets: readonly (string | undefined)[] = []): string {
  let line: string;
  if (error instanceof CliUsageError) {
    line = `xinghuo: ${error.message} (see xinghuo --help)`;
  } else if (SparkError.isInstance(error)) {
    const meaning =
      error.sparkCode !== undefined && !error.message.includes(String(error.sparkCode))
        ? ` Spark error ${error.sparkCode}: ${describeSparkCode(error.sparkCode) ?? 'unknown code'}.`
        : '';
    const next = NEXT_STEP[error.code];
    const sid = error.sid ? ` [sid ${error.sid}]` : '';
    line = `xinghuo: [${error.code}] ${error.message}${meaning}${next ? ` ${next}` : ''}${sid}`;
  } else {
    const message = error instanceof Error ? error.message : String(error);
    line = `xinghuo: unexpected error: ${message}`;
  }
  return redactSecrets(stripTerminalEscapes(line).replace(/\s*\n\s*/g, ' '), secrets);
}

/** Exit status for a failure: 2 for usage errors, 130 for an interruption, 1 otherwise. */
export function exitCodeFor(error: unknown): number {
  if (error instanceof CliUsageError) return 2;
  if (SparkError.isInstance(error) && error.code === 'aborted') return 130;
  return 1;
}

/** Renders rows as an aligned plain-text table with a header line. */
export function renderTable(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = header.map((title, column) =>
    Math.max(title.length, ...rows.map((row) => (row[column] ?? '').length)),
  );
  const line = (cells: readonly string[]) =>
    cells
      .map((cell, column) => cell.padEnd(widths[column] ?? 0))
      .join('  ')
      .trimEnd();
  return [line(header), line(widths.map((width) => '-'.repeat(width))), ...rows.map(line)].join('\n');
}

function formatTokens(count: number): string {
  return count % 1024 === 0 && count >= 1024 ? `${count / 1024}K` : String(count);
}

/** The model registry as a table for `xinghuo models`. */
export function renderModels(models: readonly SparkModel[]): string {
  const rows = models.map((model) => [
    model.id,
    model.aliases.join(', '),
    model.domain,
    formatTokens(model.contextWindow),
    formatTokens(model.maxOutputTokens),
    Object.entries(model.capabilities)
      .filter(([, enabled]) => enabled)
      .map(([name]) => name)
      .join(' '),
    [model.url ? 'ws' : '', model.http ? (model.http.functions ? 'http(functions)' : 'http') : '']
      .filter(Boolean)
      .join(' '),
    model.url ?? model.http?.url ?? '',
  ]);
  return renderTable(
    ['id', 'aliases', 'domain', 'context', 'max out', 'capabilities', 'protocols', 'url'],
    rows,
  );
}
