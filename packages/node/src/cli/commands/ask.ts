import type { ChatMessage, ChatResult } from '@xinghuo/core';
import { type CliArguments, CliUsageError } from '../args';
import { type CliIO, onInterrupt, readAll } from '../io';
import { printStream } from '../print-stream';
import { requestParams } from '../request-params';
import { openSession } from '../session';

/** The `--json` output of `xinghuo ask`. */
export interface AskJsonOutput {
  text: string;
  usage: ChatResult['usage'];
  sid: string;
  model: string;
  finishReason: ChatResult['finishReason'];
  functionCall?: ChatResult['functionCall'];
}

async function readQuestion(args: CliArguments, io: CliIO): Promise<string> {
  const fromArguments = args.positionals.join(' ').trim();
  if (fromArguments) return fromArguments;
  if (!io.stdin.isTTY) {
    const piped = (await readAll(io.stdin)).trim();
    if (piped) return piped;
  }
  throw new CliUsageError('ask needs a question: xinghuo ask "你好", or pipe it on stdin.');
}

/**
 * `xinghuo ask "question"`: streams one answer to stdout (or prints one JSON object with `--json`).
 * Ctrl-C aborts the answer and exits with status 130.
 */
export async function askCommand(args: CliArguments, io: CliIO): Promise<number> {
  const question = await readQuestion(args, io);
  const session = await openSession(args.options, io.env, (message) =>
    io.stderr.write(`${message.replace(/^xinghuo: /, 'xinghuo: warning: ')}\n`),
  );
  const controller = new AbortController();
  const removeInterrupt = onInterrupt(() => controller.abort());
  try {
    const messages: ChatMessage[] = [
      ...(args.options.system ? [{ role: 'system' as const, content: args.options.system }] : []),
      { role: 'user', content: question },
    ];
    const stream = session.client.stream(requestParams(args.options, session.model, messages), {
      signal: controller.signal,
    });
    const result = await printStream(stream, io, { quiet: args.options.json });
    if (args.options.json) {
      const output: AskJsonOutput = {
        text: result.text,
        usage: result.usage,
        sid: result.sid,
        model: result.model,
        finishReason: result.finishReason,
        ...(result.functionCall ? { functionCall: result.functionCall } : {}),
      };
      io.stdout.write(`${JSON.stringify(output)}\n`);
    }
    return 0;
  } finally {
    removeInterrupt();
    await session.close();
  }
}
