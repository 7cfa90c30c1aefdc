import type { CliArguments } from '../args';
import { type CliIO, warnOnStderr } from '../io';
import { runRepl } from '../repl';
import { openSession } from '../session';

/** `xinghuo chat`: the interactive multi-turn chat. */
export async function chatCommand(args: CliArguments, io: CliIO): Promise<number> {
  const session = await openSession(args.options, io.env, warnOnStderr(io));
  try {
    return await runRepl(session, args.options, io);
  } finally {
    await session.close();
  }
}
