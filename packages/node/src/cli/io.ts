import type { SparkEnvironment } from '../env-config';
import { stripTerminalEscapes } from './strip-terminal-escapes';

/** The process streams a command uses; injected so commands stay testable. */
export interface CliIO {
  stdin: NodeJS.ReadableStream & { isTTY?: boolean | undefined };
  stdout: NodeJS.WritableStream & { isTTY?: boolean | undefined };
  stderr: NodeJS.WritableStream & { isTTY?: boolean | undefined };
  env: SparkEnvironment;
}

/** Reads all of a piped stdin as UTF-8. */
export async function readAll(input: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of input)
    chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer));
  return Buffer.concat(chunks).toString('utf8');
}

/**
 * Calls `onInterrupt` on Ctrl-C (SIGINT) until the returned function is called. While it is
 * installed, Ctrl-C does not kill the process, so the command can abort cleanly.
 */
export function onInterrupt(onInterruptSignal: () => void): () => void {
  process.on('SIGINT', onInterruptSignal);
  return () => process.off('SIGINT', onInterruptSignal);
}

/**
 * A sink for the client's warnings (e.g. a system message for a model that may ignore it): one
 * `xinghuo: warning: …` line each on stderr, without terminal escapes.
 */
export function warnOnStderr(io: CliIO): (message: string) => void {
  return (message) => {
    io.stderr.write(`${stripTerminalEscapes(message.replace(/^xinghuo: /, 'xinghuo: warning: '))}\n`);
  };
}
