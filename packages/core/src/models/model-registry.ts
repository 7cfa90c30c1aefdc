/**
 * The registry data: every current Spark WebSocket chat model with its domain, URL and limits
 * (spec §2). Types live in `model-types.ts`, lookup in `models.ts`.
 */
import type { SparkModel } from './model-types';

const SPARK_HOST = 'wss://spark-api.xf-yun.com';

/** Deep-freezes one registry entry, so no caller can change the shared table. */
function entry(model: SparkModel): SparkModel {
  return Object.freeze({
    ...model,
    aliases: Object.freeze([...model.aliases]),
    capabilities: Object.freeze({ ...model.capabilities }),
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
export const MODELS: readonly SparkModel[] = /* @__PURE__ */ Object.freeze([
  entry({
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
  entry({
    id: 'generalv3',
    label: 'Spark Pro',
    aliases: ['pro', 'spark-pro'],
    domain: 'generalv3',
    url: `${SPARK_HOST}/v3.1/chat`,
    contextWindow: 8192,
    maxOutputTokens: 8192,
    defaultMaxTokens: 4096,
    capabilities: { system: true, functions: true, webSearch: true, reasoning: false },
  }),
  entry({
    id: 'pro-128k',
    label: 'Spark Pro-128K',
    aliases: ['spark-pro-128k'],
    domain: 'pro-128k',
    url: `${SPARK_HOST}/chat/pro-128k`,
    contextWindow: 131_072,
    maxOutputTokens: 4096,
    defaultMaxTokens: 4096,
    capabilities: { system: true, functions: true, webSearch: false, reasoning: false },
  }),
  entry({
    id: 'generalv3.5',
    label: 'Spark Max',
    aliases: ['max', 'spark-max'],
    domain: 'generalv3.5',
    url: `${SPARK_HOST}/v3.5/chat`,
    contextWindow: 8192,
    maxOutputTokens: 8192,
    defaultMaxTokens: 4096,
    capabilities: { system: true, functions: true, webSearch: true, reasoning: false },
  }),
  entry({
    id: 'max-32k',
    label: 'Spark Max-32K',
    aliases: ['spark-max-32k'],
    domain: 'max-32k',
    url: `${SPARK_HOST}/chat/max-32k`,
    contextWindow: 32_768,
    maxOutputTokens: 8192,
    defaultMaxTokens: 4096,
    capabilities: { system: true, functions: true, webSearch: false, reasoning: false },
  }),
  entry({
    id: '4.0Ultra',
    label: 'Spark 4.0 Ultra',
    aliases: ['ultra', 'spark-ultra'],
    domain: '4.0Ultra',
    url: `${SPARK_HOST}/v4.0/chat`,
    contextWindow: 8192,
    maxOutputTokens: 8192,
    defaultMaxTokens: 4096,
    capabilities: { system: true, functions: true, webSearch: true, reasoning: false },
  }),
  entry({
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
  entry({
    id: 'x1',
    label: 'Spark X1.5 (deep reasoning)',
    aliases: ['spark-x'],
    domain: 'spark-x',
    url: `${SPARK_HOST}/v1/x1`,
    contextWindow: 65_536,
    maxOutputTokens: 65_536,
    defaultMaxTokens: 32_768,
    capabilities: { system: true, functions: true, webSearch: true, reasoning: true },
  }),
]);
