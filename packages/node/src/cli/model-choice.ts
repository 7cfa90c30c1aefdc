import { MODELS, resolveModel, type SparkModel } from '@xinghuo/core';
import { CliUsageError } from './args';
import { closestMatch } from './did-you-mean';

/** Longer "model names" are more likely a misplaced credential than a typo: they are not echoed. */
const MAX_ECHOED_NAME_LENGTH = 24;

/** Where the model name came from, which decides how to tell the user to pass a custom endpoint. */
export type ModelSource = 'command-line' | 'repl';

const EXAMPLE_URL = 'wss://spark-api.xf-yun.com/v3.5/chat';

function knownModels(): string {
  return MODELS.map(
    (model) => `${model.id}${model.aliases.length ? ` (${model.aliases.join(', ')})` : ''}`,
  ).join(', ');
}

/**
 * The message for a model name the registry does not know: the known ids, a likely typo, and how to
 * reach an endpoint that is not in the registry, in CLI terms (flags and variables, not code).
 */
export function unknownModelMessage(name: string, source: ModelSource): string {
  const trimmed = name.trim();
  const shown =
    trimmed.length <= MAX_ECHOED_NAME_LENGTH
      ? `"${trimmed}"`
      : `(a ${trimmed.length}-character name, not shown)`;
  const names = MODELS.flatMap((model) => [model.id, ...model.aliases]);
  const suggestion = trimmed.length <= MAX_ECHOED_NAME_LENGTH ? closestMatch(trimmed, names) : undefined;
  const custom =
    source === 'repl'
      ? `For an endpoint that is not in this list (a fine-tuned or newer model), restart with --model <domain> --model-url ${EXAMPLE_URL}`
      : `For an endpoint that is not in this list (a fine-tuned or newer model), pass its domain and URL: --model <domain> --model-url ${EXAMPLE_URL} (or SPARK_MODEL and SPARK_MODEL_URL)`;
  return `Unknown model ${shown}.${suggestion ? ` Did you mean ${suggestion}?` : ''} Known models: ${knownModels()}. ${custom}.`;
}

/**
 * Resolves the model a command runs with. A registry id or alias gives that model; with `modelUrl`
 * the name is the `domain` of a custom endpoint. An unknown name is a usage error that lists the
 * known models and says how to pass a custom endpoint.
 */
export function resolveCliModel(name: string, modelUrl: string | undefined, source: ModelSource): SparkModel {
  if (modelUrl !== undefined) {
    let url: URL | undefined;
    try {
      url = new URL(modelUrl);
    } catch {
      // reported below
    }
    if (!url || !/^wss?:$/.test(url.protocol) || !url.hostname) {
      throw new CliUsageError(`--model-url needs a ws:// or wss:// URL with a host, e.g. ${EXAMPLE_URL}.`);
    }
    return resolveModel({ url: modelUrl, domain: name });
  }
  const found = MODELS.find((model) =>
    [model.id, ...model.aliases].some((alias) => alias.toLowerCase() === name.trim().toLowerCase()),
  );
  if (found) return resolveModel(found.id);
  throw new CliUsageError(unknownModelMessage(name, source));
}
