/**
 * The registry data: every current Spark WebSocket chat model with its domain, URL and limits
 * (spec §2). Types and lookup live in `models.ts`.
 */
import type { ModelCapabilities, SparkModel } from './models';

const SPARK_HOST = 'wss://spark-api.xf-yun.com';

const ALL_BUT_REASONING: ModelCapabilities = {
  system: true,
  functions: true,
  webSearch: true,
  reasoning: false,
};

function model(entry: SparkModel): SparkModel {
  return Object.freeze({
    ...entry,
    aliases: Object.freeze([...entry.aliases]),
    capabilities: Object.freeze(entry.capabilities),
  });
}

/**
 * Every current Spark WebSocket chat model (spec §2).
 *
 * Capability notes: iFlytek's web doc says system and function calling work only on Max and 4.0 Ultra
 * and web search only on Pro/Max/Ultra, while the official Java SDK also enables system and functions
 * on Pro, Pro-128K and Max-32K; the registry follows the Java SDK. `kjwx` limits are not published:
 * 8192 in / 4096 out is an assumption. x1 uses the domain `spark-x`, its name since iFlytek renamed it
 * in November 2025 (the official Java SDK made the same change); the id `x1` is kept because the URL
 * path is still `/v1/x1`, and `spark-x` is an alias.
 */
export const MODELS: readonly SparkModel[] = Object.freeze([
  model({
    id: 'lite',
    label: 'Spark Lite',
    aliases: ['general', 'spark-lite'],
    domain: 'lite',
    url: `${SPARK_HOST}/v1.1/chat`,
    contextWindow: 8192,
    maxOutputTokens: 4096,
    defaultMaxTokens: 4096,
    capabilities: { system: false, functions: false, webSearch: false, reasoning: false },
  }),
  model({
    id: 'generalv3',
    label: 'Spark Pro',
    aliases: ['pro', 'spark-pro'],
    domain: 'generalv3',
    url: `${SPARK_HOST}/v3.1/chat`,
    contextWindow: 8192,
    maxOutputTokens: 8192,
    defaultMaxTokens: 4096,
    capabilities: ALL_BUT_REASONING,
  }),
  model({
    id: 'pro-128k',
    label: 'Spark Pro-128K',
    aliases: ['spark-pro-128k'],
    domain: 'pro-128k',
    url: `${SPARK_HOST}/chat/pro-128k`,
    contextWindow: 128 * 1024,
    maxOutputTokens: 4096,
    defaultMaxTokens: 4096,
    capabilities: { system: true, functions: true, webSearch: false, reasoning: false },
  }),
  model({
    id: 'generalv3.5',
    label: 'Spark Max',
    aliases: ['max', 'spark-max'],
    domain: 'generalv3.5',
    url: `${SPARK_HOST}/v3.5/chat`,
    contextWindow: 8192,
    maxOutputTokens: 8192,
    defaultMaxTokens: 4096,
    capabilities: ALL_BUT_REASONING,
  }),
  model({
    id: 'max-32k',
    label: 'Spark Max-32K',
    aliases: ['spark-max-32k'],
    domain: 'max-32k',
    url: `${SPARK_HOST}/chat/max-32k`,
    contextWindow: 32 * 1024,
    maxOutputTokens: 8192,
    defaultMaxTokens: 4096,
    capabilities: { system: true, functions: true, webSearch: false, reasoning: false },
  }),
  model({
    id: '4.0Ultra',
    label: 'Spark 4.0 Ultra',
    aliases: ['ultra', 'spark-ultra'],
    domain: '4.0Ultra',
    url: `${SPARK_HOST}/v4.0/chat`,
    contextWindow: 8192,
    maxOutputTokens: 8192,
    defaultMaxTokens: 4096,
    capabilities: ALL_BUT_REASONING,
  }),
  model({
    id: 'kjwx',
    label: 'Spark Science Literature (科技文献)',
    aliases: [],
    domain: 'kjwx',
    url: 'wss://spark-openapi-n.cn-huabei-1.xf-yun.com/v1.1/chat_kjwx',
    contextWindow: 8192,
    maxOutputTokens: 4096,
    defaultMaxTokens: 4096,
    capabilities: { system: false, functions: false, webSearch: false, reasoning: false },
  }),
  model({
    id: 'x1',
    label: 'Spark X1.5 (deep reasoning)',
    aliases: ['spark-x'],
    domain: 'spark-x',
    url: `${SPARK_HOST}/v1/x1`,
    contextWindow: 64 * 1024,
    maxOutputTokens: 64 * 1024,
    defaultMaxTokens: 32 * 1024,
    capabilities: { system: true, functions: true, webSearch: true, reasoning: true },
  }),
]);
