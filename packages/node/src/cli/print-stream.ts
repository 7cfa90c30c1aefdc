import type { ChatResult, ChatStream } from '@xinghuo/core';
import type { CliIO } from './io';
import { startSpinner } from './spinner';
import { createTerminalTextFilter, stripTerminalEscapes } from './strip-terminal-escapes';

const DIM = '\x1b[2m';
const RESET = '\x1b[0m';

/**
 * Prints a streamed answer: a spinner on stderr until the first token, text deltas on stdout as
 * they arrive (unless `quiet`), x1 reasoning dimmed on stderr when it is a terminal, the function calls
 * at the end, and a final newline. On failure the line is terminated and the error rethrown.
 *
 * Everything printed from the stream is model output, so it goes through a terminal-escape filter
 * first (one per channel, so a sequence split across deltas is still removed whole); the dimming
 * around the reasoning is the CLI's own and is added afterwards.
 */
export async function printStream(
  stream: ChatStream,
  io: CliIO,
  options: { quiet?: boolean } = {},
): Promise<ChatResult> {
  const spinner = startSpinner(io.stderr);
  const showReasoning = Boolean(io.stderr.isTTY) && !options.quiet;
  const textFilter = createTerminalTextFilter();
  const reasoningFilter = createTerminalTextFilter();
  let wroteText = false;
  let wroteReasoning = false;
  try {
    for await (const event of stream) {
      if (event.type === 'reasoning-delta' && showReasoning) {
        const text = reasoningFilter.write(event.text);
        if (text === '') continue;
        spinner.stop();
        io.stderr.write(`${DIM}${text}${RESET}`);
        wroteReasoning = true;
      } else if (event.type === 'text-delta' && !options.quiet) {
        const text = textFilter.write(event.text);
        if (text === '') continue;
        spinner.stop();
        if (wroteReasoning && !wroteText) io.stderr.write('\n');
        io.stdout.write(text);
        wroteText = true;
      }
    }
    const result = await stream.finalResult();
    spinner.stop();
    if (!options.quiet) {
      // HTTP answers may carry several calls; each gets its line.
      const calls = result.functionCalls ?? (result.functionCall ? [result.functionCall] : []);
      calls.forEach((call, index) => {
        const shown = stripTerminalEscapes(`${call.name}(${call.arguments})`);
        io.stdout.write(`${wroteText || index > 0 ? '\n' : ''}[function call] ${shown}`);
      });
      io.stdout.write('\n');
    }
    return result;
  } catch (error) {
    spinner.stop();
    if (wroteText) io.stdout.write('\n');
    throw error;
  }
}
