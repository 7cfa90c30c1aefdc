import type { ChatMessage, ChatResult, FunctionCall } from '@xinghuo/core';
import { type CliArguments, CliUsageError } from '../args';
import { type CliIO, onInterrupt, readAll, warnOnStderr } from '../io';
import { printStream } from '../print-stream';
import { requestParams } from '../request-params';
import { openSession } from '../session';
import { stripTerminalEscapesDeep } from '../strip-terminal-escapes';

/**
 * The `--json` output of `xinghuo ask`.
 *
 * The same over both protocols. Every string in it (`text`, `reasoning`, `sid`, the function calls;
 * all from the network) is
 * stripped of terminal escape sequences here too. `JSON.stringify` alone would make the line itself
 * safe (it writes ESC as `\u001b`), but not what `jq -r .text` prints from it, and it leaves C1
 * controls such as U+009B (8-bit CSI) raw. The text is otherwise exactly what the model sent (the
 * function-call arguments are re-encoded, see `safeFunctionCall`);
 * a program that needs the unfiltered bytes uses the SDK, not the CLI.
 */
export interface AskJsonOutput {
  text: string;
  /** x1 reasoning, when the model produced any. */
  reasoning?: string;
  usage: ChatResult['usage'];
  sid: string;
  model: string;
  finishReason: ChatResult['finishReason'];
  /** The function call, or the first of several (see `functionCalls`). */
  functionCall?: ChatResult['functionCall'];
  /** Every function call of the answer (HTTP answers may carry several). */
  functionCalls?: ChatResult['functionCalls'];
}

function jsonOutput(result: ChatResult): AskJsonOutput {
  return stripTerminalEscapesDeep({
    text: result.text,
    ...(result.reasoning ? { reasoning: result.reasoning } : {}),
    usage: result.usage,
    sid: result.sid,
    model: result.model,
    finishReason: result.finishReason,
    ...(result.functionCall ? { functionCall: safeFunctionCall(result.functionCall) } : {}),
    ...(result.functionCalls?.length ? { functionCalls: result.functionCalls.map(safeFunctionCall) } : {}),
  });
}

/**
 * The arguments are a JSON text: `"\u001b[2J"` inside it is harmless until a consumer parses it.
 * When they parse, they are re-encoded from the filtered value, so no layer of the output decodes
 * to an escape sequence; when they do not, the raw text is filtered like any other string.
 */
function safeFunctionCall(call: FunctionCall): FunctionCall {
  if (call.parsedArguments === undefined) return call;
  const parsedArguments = stripTerminalEscapesDeep(call.parsedArguments);
  return { ...call, arguments: JSON.stringify(parsedArguments), parsedArguments };
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
  const session = await openSession(args.options, io.env, warnOnStderr(io));
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
    if (args.options.json) io.stdout.write(`${JSON.stringify(jsonOutput(result))}\n`);
    return 0;
  } finally {
    removeInterrupt();
    await session.close();
  }
}
