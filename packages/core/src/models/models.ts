/**
 * The Spark model registry: which `domain` goes with which WebSocket URL, and each model's limits.
 *
 * Facts come from spec §2. Where iFlytek's sources disagree (which models accept a system message,
 * functions or web search), the registry records the more permissive reading of the official SDKs and
 * `encodeRequest` warns through `onWarning` instead of refusing: Spark itself is the final judge.
 */
import { SparkConfigError } from '../errors/error-classes';
import { MODELS } from './model-registry';
import type { CustomModel, SparkModel } from './model-types';

export type { CustomModel, ModelCapabilities, SparkModel } from './model-types';
export { MODELS };

const MAX_ECHOED_NAME_LENGTH = 24;
const EXAMPLE_URL = 'wss://spark-api.xf-yun.com/v3.5/chat';

/**
 * The one alias table: each model under its lower-cased id and aliases, so `'4.0ultra'` and `'MAX'`
 * find their model. Used by {@link resolveModel} and by `@xinghuo/node`'s signing handler.
 */
export function modelNameTable(models: readonly SparkModel[]): Map<string, SparkModel> {
  const table = new Map<string, SparkModel>();
  for (const model of models) {
    for (const name of [model.id, ...model.aliases]) table.set(name.toLowerCase(), model);
  }
  return table;
}

// The registry's table, built on first use.
let byName: Map<string, SparkModel> | undefined;

function findModel(name: string): SparkModel | undefined {
  byName ??= modelNameTable(MODELS);
  return byName.get(name.trim().toLowerCase());
}

function checkWebSocketUrl(url: unknown, where: string): void {
  let parsed: URL | undefined;
  try {
    parsed = new URL(url as string);
  } catch {
    // reported below
  }
  if (typeof url !== 'string' || !/^wss?:$/.test(parsed?.protocol ?? '') || !parsed?.hostname) {
    throw new SparkConfigError(
      `${where}: \`url\` is not a valid URL for Spark: it needs ws:// or wss:// and a host, e.g. ${EXAMPLE_URL}.`,
    );
  }
}

function checkPositiveInteger(value: number | undefined, fallback: number, name: string): number {
  if (value === undefined) return fallback;
  if (!Number.isInteger(value) || value < 1) {
    throw new SparkConfigError(
      `Custom model: \`${name}\` must be a positive integer (got ${String(value)}).`,
    );
  }
  return value;
}

function isSparkModel(input: CustomModel | SparkModel): input is SparkModel {
  const candidate = input as unknown as Record<string, unknown>;
  return (
    Array.isArray(candidate.aliases) &&
    ['id', 'label'].every((key) => typeof candidate[key] === 'string') &&
    ['contextWindow', 'maxOutputTokens', 'defaultMaxTokens', 'capabilities'].every(
      (key) =>
        typeof candidate[key] === (key === 'capabilities' ? 'object' : 'number') && candidate[key] !== null,
    )
  );
}

function fromCustom(input: CustomModel): SparkModel {
  checkWebSocketUrl(input.url, 'Custom model');
  if (typeof input.domain !== 'string' || input.domain.trim() === '') {
    throw new SparkConfigError('Custom model: `domain` must be a non-empty string, e.g. "generalv3.5".');
  }
  const contextWindow = checkPositiveInteger(input.contextWindow, 8192, 'contextWindow');
  const maxOutputTokens = checkPositiveInteger(input.maxOutputTokens, 8192, 'maxOutputTokens');
  const defaultMaxTokens = checkPositiveInteger(
    input.defaultMaxTokens,
    Math.min(4096, maxOutputTokens),
    'defaultMaxTokens',
  );
  const id = input.id ?? input.domain;
  const capabilities = input.capabilities;
  return Object.freeze({
    id,
    label: input.label ?? id,
    aliases: Object.freeze([]),
    domain: input.domain,
    url: input.url,
    contextWindow,
    maxOutputTokens,
    defaultMaxTokens,
    capabilities: Object.freeze({
      system: capabilities?.system ?? true,
      functions: capabilities?.functions ?? true,
      webSearch: capabilities?.webSearch ?? true,
      reasoning: capabilities?.reasoning ?? false,
    }),
    custom: true,
  });
}

/**
 * Turns a model id, an alias or a custom endpoint into a {@link SparkModel}.
 *
 * Ids and aliases are matched case-insensitively. A {@link SparkModel} (for example an entry of
 * {@link MODELS}) is returned as it is, after checking its URL.
 *
 * @throws SparkConfigError for an unknown id (the message lists the known ids) or an invalid custom URL
 * @example
 * ```ts
 * resolveModel('max').domain; // 'generalv3.5'
 * resolveModel({ url: 'wss://maas-api.cn-huabei-1.xf-yun.com/v1.1/chat', domain: 'xdeepseekv3' });
 * ```
 */
export function resolveModel(input: string | CustomModel | SparkModel): SparkModel {
  if (typeof input === 'string') {
    const found = findModel(input);
    if (found) return found;
    // A long "model name" is more likely a misplaced credential than a model id: do not echo it.
    const shown =
      input.length <= MAX_ECHOED_NAME_LENGTH ? `"${input}"` : `(a ${input.length}-character name, not shown)`;
    throw new SparkConfigError(
      `Unknown Spark model ${shown}. Known models: ${MODELS.map(
        (entry) => `${entry.id}${entry.aliases.length ? ` (${entry.aliases.join(', ')})` : ''}`,
      ).join(', ')}. For another endpoint pass { url, domain }.`,
    );
  }
  if (typeof input !== 'object' || input === null) {
    throw new SparkConfigError('A model is an id such as "lite" or "max", or a custom { url, domain }.');
  }
  if (isSparkModel(input)) {
    checkWebSocketUrl(input.url, `Model "${input.id}"`);
    return input;
  }
  return fromCustom(input);
}
