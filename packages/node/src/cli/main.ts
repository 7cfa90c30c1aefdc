import { createRequire } from 'node:module';
import { redactSecrets } from '@xinghuo/core';
import { type CliArguments, CliUsageError, parseCliArguments } from './args';
import { askCommand } from './commands/ask';
import { chatCommand } from './commands/chat';
import { doctorCommand } from './commands/doctor';
import { modelsCommand } from './commands/models';
import { signCommand } from './commands/sign';
import { closestMatch } from './did-you-mean';
import { HELP_TEXT } from './help-text';
import type { CliIO } from './io';
import { PROXY_PASSWORD_WARNING, proxyHasPassword } from './proxy-flag-warning';
import { exitCodeFor, formatError } from './render';
import { stripTerminalEscapes } from './strip-terminal-escapes';

type Command = (args: CliArguments, io: CliIO) => Promise<number>;

const COMMANDS: Readonly<Record<string, Command>> = {
  ask: askCommand,
  chat: chatCommand,
  doctor: doctorCommand,
  models: modelsCommand,
  sign: signCommand,
};

function version(): string {
  // dist/cli.js sits one level below package.json, in the repository and when installed.
  const packageJson = createRequire(import.meta.url)('../package.json') as { version: string };
  return packageJson.version;
}

/**
 * Runs the `xinghuo` CLI and resolves with the exit status. Expected failures print one line on
 * stderr (code, meaning, sid, what to do) and never a stack trace, a secret or a signed URL.
 */
export async function main(argv: readonly string[], io: CliIO): Promise<number> {
  let secrets: string[] = [];
  try {
    const args = parseCliArguments(argv);
    secrets = [io.env.SPARK_API_KEY, io.env.SPARK_API_SECRET, io.env.SPARK_API_PASSWORD].filter(
      (value): value is string => Boolean(value),
    );
    if (args.options.version) {
      io.stdout.write(`${version()}\n`);
      return 0;
    }
    if (args.options.help || args.command === undefined || args.command === 'help') {
      io.stdout.write(HELP_TEXT);
      return args.command === undefined && !args.options.help ? 2 : 0;
    }
    const command = COMMANDS[args.command];
    if (!command) {
      const suggestion = closestMatch(args.command, [...Object.keys(COMMANDS), 'help']);
      throw new CliUsageError(
        `Unknown command "${args.command}".${suggestion ? ` Did you mean ${suggestion}?` : ''}`,
      );
    }
    if (proxyHasPassword(args.options.proxy)) io.stderr.write(`${PROXY_PASSWORD_WARNING}\n`);
    return await command(args, io);
  } catch (error) {
    io.stderr.write(`${formatError(error, secrets)}\n`);
    if (io.env.XINGHUO_DEBUG && error instanceof Error && !(error instanceof CliUsageError)) {
      // The stack starts with the message, which may carry network text.
      io.stderr.write(`${redactSecrets(stripTerminalEscapes(error.stack ?? ''), secrets)}\n`);
    }
    return exitCodeFor(error);
  }
}
