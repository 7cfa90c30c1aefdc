import { createInterface } from 'node:readline';
import { SparkError } from '@xinghuo/core';
import type { CliOptions } from './args';
import { Conversation } from './conversation';
import type { CliIO } from './io';
import { printStream } from './print-stream';
import { formatError } from './render';
import { type ReplState, runSlashCommand } from './repl-commands';
import { requestParams } from './request-params';
import type { CliSession } from './session';

const PROMPT = '› ';

/**
 * The first line of an interactive chat: the model, the protocol, and whether the answers come from the embedded
 * mock (made up, no credentials used) rather than from Spark.
 */
export function chatBanner(session: Pick<CliSession, 'model' | 'mock' | 'protocol'>): string {
  const where = session.mock ? ' on the embedded mock server (made-up answers, not Spark)' : '';
  const over = session.protocol === 'http' ? 'HTTP' : 'WebSocket';
  return `xinghuo chat with ${session.model.id} over ${over}${where}. /help for commands, /exit to leave.\n`;
}

/**
 * Streams one answer to stdout. Resolves true when the exchange completed (and was recorded),
 * false when it failed or was interrupted.
 */
async function answer(
  question: string,
  state: ReplState,
  session: CliSession,
  options: CliOptions,
  io: CliIO,
  signal: AbortSignal,
): Promise<boolean> {
  try {
    const prepared = state.conversation.prepare(question, state.model, options.maxTokens);
    if (prepared.droppedCount > 0) {
      io.stdout.write(
        `(dropped ${prepared.droppedCount} old messages to fit ${state.model.id}'s context window)\n`,
      );
    }
    if (!prepared.fits) io.stdout.write('(this question alone may be too long for the model)\n');
    const stream = session.client.stream(requestParams(options, state.model, prepared.messages), { signal });
    const result = await printStream(stream, io);
    state.conversation.commit(question, result.text, result.usage);
    return true;
  } catch (error) {
    if (SparkError.isInstance(error) && error.code === 'aborted') io.stderr.write('(answer interrupted)\n');
    else io.stderr.write(`${formatError(error, session.secrets)}\n`);
    return false;
  }
}

/**
 * The interactive loop of `xinghuo chat`: one line is one question, `/commands` change the
 * settings. Ctrl-C stops a streaming answer; at the prompt, a second Ctrl-C in a row leaves.
 * Works with piped input too (one question per line, ends at end of input).
 */
export async function runRepl(session: CliSession, options: CliOptions, io: CliIO): Promise<number> {
  const state: ReplState = { conversation: new Conversation(options.system), model: session.model };
  const terminal = Boolean(io.stdin.isTTY && io.stdout.isTTY);
  const lines = createInterface({ input: io.stdin, output: io.stdout, terminal, prompt: PROMPT });
  let current: AbortController | undefined;
  let exitArmed = false;

  const interrupt = () => {
    if (current) {
      current.abort();
      return;
    }
    if (exitArmed) {
      lines.close();
      return;
    }
    exitArmed = true;
    io.stdout.write('\n(Ctrl-C again to leave, or /exit)\n');
    lines.prompt();
  };
  lines.on('SIGINT', interrupt);
  process.on('SIGINT', interrupt);

  if (terminal) io.stdout.write(chatBanner(session));
  lines.prompt();
  try {
    for await (const rawLine of lines) {
      exitArmed = false;
      const line = rawLine.trim();
      if (line.startsWith('/')) {
        const outcome = runSlashCommand(line, state);
        if (outcome.output) io.stdout.write(`${outcome.output}\n`);
        if (outcome.error) io.stderr.write(`${outcome.error}\n`);
        if (outcome.exit) break;
      } else if (line) {
        current = new AbortController();
        await answer(line, state, session, options, io, current.signal);
        current = undefined;
      }
      lines.prompt();
    }
  } finally {
    process.off('SIGINT', interrupt);
    lines.close();
  }
  return 0;
}
