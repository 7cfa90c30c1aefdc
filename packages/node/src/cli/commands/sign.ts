import { signUrl } from '@xinghuo/core';
import { withBaseURL } from '@xinghuo/core/transport';
import { requireCredentials } from '../../env-config';
import { type CliArguments, CliUsageError } from '../args';
import type { CliIO } from '../io';
import { resolveSessionSettings, sessionModel } from '../session';

/**
 * `xinghuo sign <model>`: prints a freshly signed URL on stdout, for debugging with other tools.
 * This is the one place the CLI prints a signed URL, and only on this explicit request.
 */
export async function signCommand(args: CliArguments, io: CliIO): Promise<number> {
  const name = args.positionals[0] ?? args.options.model;
  if (!name) throw new CliUsageError('sign needs a model: xinghuo sign lite');
  const settings = await resolveSessionSettings({ ...args.options, model: name }, io.env);
  try {
    const model = sessionModel(settings);
    if (!model.url) throw new CliUsageError(`${model.id} is served only over HTTP: there is no URL to sign.`);
    requireCredentials(settings, true);
    const date = new Date();
    const url = await signUrl(
      withBaseURL(model.url, settings.baseURL),
      { apiKey: settings.apiKey ?? '', apiSecret: settings.apiSecret ?? '' },
      { date },
    );
    if (args.options.json) {
      const expiresAt = new Date(date.getTime() + 300_000).toISOString();
      io.stdout.write(
        `${JSON.stringify({ url, expiresAt, model: model.id, domain: model.domain, appId: settings.appId })}\n`,
      );
    } else {
      io.stdout.write(`${url}\n`);
      if (io.stderr.isTTY)
        io.stderr.write('This URL is a credential until it expires (about 5 minutes). Do not share it.\n');
    }
    return 0;
  } finally {
    await settings.close();
  }
}
