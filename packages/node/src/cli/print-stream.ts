import type { ChatResult, ChatStream } from '@xinghuo/core';
import type { CliIO } from './io';
import { startSpinner } from './spinner';

const DIM = '\x1b[2m';
const RESET = '\x1b[0m';

/**
 * Prints a streamed answer: a spinner on stderr until the first token, text deltas on stdout as
 * they arrive (unless `quiet`), x1 reasoning dimmed on stderr when it is a terminal, a function call
 * at the end, and a final newline. On failure the line is terminated and the error rethrown.
 */
export async function printStream(
  stream: ChatStream,
  io: CliIO,
  options: { quiet?: boolean } = {},
): Promise<ChatResult> {
  const spinner = startSpinner(io.stderr);
  const showReasoning = Boolean(io.stderr.isTTY) && !options.quiet;
  let wroteText = false;
  let wroteReasoning = false;
  try {
    for await (const event of stream) {
      if (event.type === 'reasoning-delta' && showReasoning) {
        spinner.stop();
        io.stderr.write(`${DIM}${event.text}${RESET}`);
        wroteReasoning = true;
      } else if (event.type === 'text-delta' && !options.quiet) {
        spinner.stop();
        if (wroteReasoning && !wroteText) io.stderr.write('\n');
        io.stdout.write(event.text);
        wroteText = wroteText || event.text !== '';
      }
    }
    const result = await stream.finalResult();
    spinner.stop();
    if (!options.quiet) {
      if (result.functionCall) {
        const call = result.functionCall;
        io.stdout.write(`${wroteText ? '\n' : ''}[function call] ${call.name}(${call.arguments})`);
      }
      io.stdout.write('\n');
    }
    return result;
  } catch (error) {
    spinner.stop();
    if (wroteText) io.stdout.write('\n');
    throw error;
  }
}
