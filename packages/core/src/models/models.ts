/**
 * The Spark model registry: which `domain` goes with which WebSocket URL, and each model's limits.
 *
 * Facts come from spec §2. Where iFlytek's sources disagree (which models accept a system message,
 * functions or web search), the registry records the more permissive reading of the official SDKs and
 * `encodeRequest` warns through `onWarning` instead of refusing: Spark itself is the final judge.
 */
import { describeValue } from '../errors/describe-value';
import { SparkConfigError } from '../errors/error-classes';
import type { SparkModelId } from './model-id';
import { MODELS } from './model-registry';
import type { CustomModel, SparkModel } from './model-types';

export type { CustomModel, HttpEndpoint, ModelCapabilities, SparkModel } from './model-types';
export { MODELS };

const MAX_ECHOED_NAME_LENGTH = 24;
const EXAMPLE_URL = 'wss://spark-api.xf-yun.com/v3.5/chat';
const EXAMPLE_HTTP_URL = 'https://spark-api-open.xf-yun.com/v1/chat/completions';

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

function checkUrl(
  url: unknown,
  where: string,
  field = 'url',
  scheme = /^wss?:$/,
  example = EXAMPLE_URL,
): void {
  let parsed: URL | undefined;
  try {
    parsed = new URL(url as string);
  } catch {
    // reported below
  }
  if (typeof url !== 'string' || !scheme.test(parsed?.protocol ?? '') || !parsed?.hostname) {
    const schemes = field === 'url' ? 'ws:// or wss://' : 'http:// or https://';
    throw new SparkConfigError(
      `${where}: \`${field}\` is not a valid URL for Spark: it needs ${schemes} and a host, e.g. ${example}.`,
    );
  }
}

/** Checks whichever endpoints a model has, and that it has at least one. */
function checkEndpoints(model: { url?: unknown; http?: { url?: unknown } | undefined }, where: string): void {
  if (model.url === undefined && model.http === undefined) {
    throw new SparkConfigError(
      `${where}: no endpoint: give the WebSocket \`url\` and \`domain\`, or the HTTP \`httpUrl\` and \`httpModel\`.`,
    );
  }
  if (model.url !== undefined) checkUrl(model.url, where);
  if (model.http !== undefined) checkUrl(model.http.url, where, 'httpUrl', /^https?:$/, EXAMPLE_HTTP_URL);
}

function checkPositiveInteger(value: number | undefined, fallback: number, name: string): number {
  if (value === undefined) return fallback;
  if (!Number.isInteger(value) || value < 1) {
    throw new SparkConfigError(
      `Custom model: \`${name}\` must be a positive integer (got ${describeValue(value)}).`,
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

function nonEmpty(value: unknown): value is string {
  return typeof value === 'string' && value.trim() !== '';
}

function fromCustom(input: CustomModel): SparkModel {
  const hasWebSocket = input.url !== undefined;
  const hasHttp = input.httpUrl !== undefined;
  if (hasWebSocket && !nonEmpty(input.domain)) {
    throw new SparkConfigError('Custom model: `domain` must be a non-empty string, e.g. "generalv3.5".');
  }
  const httpModel = input.httpModel ?? input.domain;
  if (hasHttp && !nonEmpty(httpModel)) {
    throw new SparkConfigError('Custom model: `httpModel` must be a non-empty string, e.g. "generalv3.5".');
  }
  if (
    input.maxTokensField !== undefined &&
    !['max_tokens', 'max_completion_tokens'].includes(input.maxTokensField)
  ) {
    throw new SparkConfigError(
      'Custom model: `maxTokensField` must be "max_tokens" or "max_completion_tokens".',
    );
  }
  const http = hasHttp
    ? Object.freeze({
        url: input.httpUrl as string,
        model: httpModel as string,
        functions: input.httpFunctions ?? input.capabilities?.functions ?? true,
        maxTokensField: input.maxTokensField ?? 'max_tokens',
      })
    : undefined;
  checkEndpoints({ url: input.url, http }, 'Custom model');
  const domain = (hasWebSocket ? input.domain : httpModel) as string;
  const contextWindow = checkPositiveInteger(input.contextWindow, 8192, 'contextWindow');
  const maxOutputTokens = checkPositiveInteger(input.maxOutputTokens, 8192, 'maxOutputTokens');
  const defaultMaxTokens = checkPositiveInteger(
    input.defaultMaxTokens,
    Math.min(4096, maxOutputTokens),
    'defaultMaxTokens',
  );
  const id = input.id ?? domain;
  const capabilities = input.capabilities;
  return Object.freeze({
    id,
    label: input.label ?? id,
    aliases: Object.freeze([]),
    domain,
    url: input.url,
    http,
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
export function resolveModel(input: SparkModelId | CustomModel | SparkModel): SparkModel {
  if (typeof input === 'string') {
    const found = findModel(input);
    if (found) return found;
    // A long "model name" is more likely a misplaced credential than a model id: do not echo it.
    const shown =
      input.length <= MAX_ECHOED_NAME_LENGTH ? `"${input}"` : `(a ${input.length}-character name, not shown)`;
    throw new SparkConfigError(
      `Unknown Spark model ${shown}. Known models: ${MODELS.map(
        (entry) => `${entry.id}${entry.aliases.length ? ` (${entry.aliases.join(', ')})` : ''}`,
      ).join(', ')}. For another endpoint pass { url, domain } or { httpUrl, httpModel }.`,
    );
  }
  if (typeof input !== 'object' || input === null) {
    throw new SparkConfigError('A model is an id such as "lite" or "max", or a custom { url, domain }.');
  }
  if (isSparkModel(input)) {
    checkEndpoints(input, `Model "${input.id}"`);
    return input;
  }
  return fromCustom(input);
}
