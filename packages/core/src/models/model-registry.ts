/**
 * The registry data: every current Spark chat model with its endpoint per protocol (WebSocket URL and
 * domain, spec §2; HTTP endpoint and model id, spec §6.1) and its limits. Types live in
 * `model-types.ts`, lookup in `models.ts`.
 */
import { httpEndpoint } from './http-endpoint';
import type { SparkModel } from './model-types';

const SPARK_HOST = 'wss://spark-api.xf-yun.com';

/** Deep-freezes one registry entry, so no caller can change the shared table. */
function entry<const Id extends string, const Alias extends string>(
  model: SparkModel & { id: Id; aliases: readonly Alias[] },
): SparkModel & { readonly id: Id; readonly aliases: readonly Alias[] } {
  return Object.freeze({
    ...model,
    aliases: Object.freeze([...model.aliases]),
    capabilities: Object.freeze({ ...model.capabilities }),
    ...(model.http ? { http: Object.freeze({ ...model.http }) } : {}),
  });
}

/**
 * Every current Spark chat model (spec §2, §6.1).
 *
 * Capability notes: iFlytek's web doc says system and function calling work only on Max and 4.0 Ultra
 * and web search only on Pro/Max/Ultra, while the official Java SDK also enables system and functions
 * on Pro, Pro-128K and Max-32K; the registry follows the Java SDK. `kjwx` limits are not published:
 * 8192 in / 4096 out is an assumption. x1 uses the domain `spark-x`, its name since iFlytek renamed it
 * in November 2025 (the official Java SDK made the same change); the id `x1` is kept because the URL
 * path is still `/v1/x1`, and `spark-x` is an alias. Function calling over HTTP (`http.functions`)
 * follows the WebSocket flags; iFlytek's WebSocket doc now sends function calling of the general models
 * to HTTP. Whether `/v1` serves `kjwx` is unknown, so it has no HTTP endpoint.
 */
// Typed by inference, so `model-id.ts` can read the id and alias literals from the entries.
export const MODELS = /* @__PURE__ */ Object.freeze([
  entry({
    id: 'lite',
    label: 'Spark Lite',
    aliases: ['general', 'spark-lite'],
    domain: 'lite',
    url: `${SPARK_HOST}/v1.1/chat`,
    http: httpEndpoint('/v1/chat/completions', 'lite', false),
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
    http: httpEndpoint('/v1/chat/completions', 'generalv3', true),
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
    http: httpEndpoint('/v1/chat/completions', 'pro-128k', true),
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
    http: httpEndpoint('/v1/chat/completions', 'generalv3.5', true),
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
    http: httpEndpoint('/v1/chat/completions', 'max-32k', true),
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
    http: httpEndpoint('/v1/chat/completions', '4.0Ultra', true),
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
    // X1.5 over HTTP ✔ [X1HTTP]; the old model id `x1` maps to `spark-x` there.
    http: httpEndpoint('/v2/chat/completions', 'spark-x', true),
    contextWindow: 65_536,
    maxOutputTokens: 65_536,
    defaultMaxTokens: 32_768,
    capabilities: { system: true, functions: true, webSearch: true, reasoning: true },
  }),
  // Added in 2026. Facts marked ~ or ? are not confirmed by an official page; a custom model
  // (`{ url, domain, httpUrl, httpModel, … }`) overrides any of them.
  entry({
    id: 'x2',
    label: 'Spark X2 (deep reasoning)',
    aliases: ['spark-x2'],
    domain: 'spark-x',
    // ~ Only the Android SDK names this WebSocket endpoint (spec §2).
    url: `${SPARK_HOST}/x2`,
    // ~ ChatLuna and user repos; no official page captured.
    http: httpEndpoint('/x2/chat/completions', 'spark-x', true),
    // ~ 64K in / 128K out (ChatLuna); the default answer length is an assumption (as X1.5).
    contextWindow: 65_536,
    maxOutputTokens: 131_072,
    defaultMaxTokens: 32_768,
    capabilities: { system: true, functions: true, webSearch: true, reasoning: true },
  }),
  entry({
    id: 'spark-x2.5',
    label: 'Spark X2.5 (hosted, HTTP only)',
    aliases: ['x2.5'],
    domain: 'spark-x2.5',
    // ? The endpoint is not captured from the official page; this follows the X2 pattern. ✔ X2.5 takes
    // `max_completion_tokens` (< 256K; `max_tokens` is deprecated there); function calling is ?.
    http: httpEndpoint('/x2.5/chat/completions', 'spark-x2.5', true, 'max_completion_tokens'),
    // ? The context window is not published; 256K matches the output bound. The default is assumed.
    contextWindow: 262_144,
    maxOutputTokens: 262_143,
    defaultMaxTokens: 32_768,
    capabilities: { system: true, functions: false, webSearch: false, reasoning: true },
  }),
]);
