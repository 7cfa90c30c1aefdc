import { MODELS } from '@xinghuo/core';
import type { CliArguments } from '../args';
import type { CliIO } from '../io';
import { renderModels } from '../render';

/** `xinghuo models`: the registry as a table, or as JSON with `--json`. */
export async function modelsCommand(args: CliArguments, io: CliIO): Promise<number> {
  io.stdout.write(args.options.json ? `${JSON.stringify(MODELS, null, 2)}\n` : `${renderModels(MODELS)}\n`);
  return 0;
}
