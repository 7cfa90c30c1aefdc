import type { CliArguments } from '../args';
import type { CliIO } from '../io';
import { runRepl } from '../repl';
import { openSession } from '../session';

/** `xinghuo chat`: the interactive multi-turn chat. */
export async function chatCommand(args: CliArguments, io: CliIO): Promise<number> {
  const session = await openSession(args.options, io.env, (message) =>
    io.stderr.write(`${message.replace(/^xinghuo: /, 'xinghuo: warning: ')}\n`),
  );
  try {
    return await runRepl(session, args.options, io);
  } finally {
    await session.close();
  }
}
