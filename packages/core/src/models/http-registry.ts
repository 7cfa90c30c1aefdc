/**
 * The HTTP side of the registry (spec §6.1): each model's OpenAI-compatible endpoint, and the 2026
 * models (X2, the hosted X2.5). Kept apart from the WebSocket table so that the two can change alone;
 * `model-registry.ts` joins them.
 */
import type { HttpEndpoint, SparkModel } from './model-types';

/** The host of Spark's OpenAI-compatible API. */
export const SPARK_HTTP_HOST = 'https://spark-api-open.xf-yun.com';

const V1 = `${SPARK_HTTP_HOST}/v1/chat/completions`;

function endpoint(url: string, model: string, functions: boolean): Readonly<HttpEndpoint> {
  return Object.freeze({ url, model, functions, maxTokensField: 'max_tokens' as const });
}

/**
 * HTTP endpoints by registry id. Function calling over HTTP follows the WebSocket flags (the official
 * Java SDK's reading); iFlytek's WebSocket doc now sends function calling of the general models to
 * HTTP. Whether `/v1` serves `kjwx` is unknown, so it has no HTTP endpoint.
 */
export const HTTP_ENDPOINTS: Readonly<Record<string, Readonly<HttpEndpoint>>> = Object.freeze({
  lite: endpoint(V1, 'lite', false),
  generalv3: endpoint(V1, 'generalv3', true),
  'pro-128k': endpoint(V1, 'pro-128k', true),
  'generalv3.5': endpoint(V1, 'generalv3.5', true),
  'max-32k': endpoint(V1, 'max-32k', true),
  '4.0Ultra': endpoint(V1, '4.0Ultra', true),
  // X1.5 over HTTP ✔ [X1HTTP]; the old model id `x1` maps to `spark-x` there.
  x1: endpoint(`${SPARK_HTTP_HOST}/v2/chat/completions`, 'spark-x', true),
  // X2 ~ (ChatLuna, user repos; no official page captured).
  x2: endpoint(`${SPARK_HTTP_HOST}/x2/chat/completions`, 'spark-x', true),
});

/**
 * Models added in 2026. Facts marked ~ or ? are not confirmed by an official page: a custom model
 * (`{ httpUrl, httpModel, … }`) overrides any of them.
 */
export const MODELS_2026: readonly SparkModel[] = Object.freeze([
  Object.freeze({
    id: 'x2',
    label: 'Spark X2 (deep reasoning)',
    aliases: Object.freeze(['spark-x2']),
    domain: 'spark-x',
    // ~ Only the Android SDK names this WebSocket endpoint (spec §2).
    url: 'wss://spark-api.xf-yun.com/x2',
    // ~ 64K in / 128K out (ChatLuna); the default answer length is an assumption (as X1.5).
    contextWindow: 64 * 1024,
    maxOutputTokens: 128 * 1024,
    defaultMaxTokens: 32 * 1024,
    capabilities: Object.freeze({ system: true, functions: true, webSearch: true, reasoning: true }),
  }),
  Object.freeze({
    id: 'spark-x2.5',
    label: 'Spark X2.5 (hosted, HTTP only)',
    aliases: Object.freeze(['x2.5']),
    domain: 'spark-x2.5',
    http: Object.freeze({
      // ? The endpoint is not captured from the official page; this follows the X2 pattern. Override
      // with a custom model `{ httpUrl, httpModel: 'spark-x2.5', maxTokensField: 'max_completion_tokens' }`.
      url: `${SPARK_HTTP_HOST}/x2.5/chat/completions`,
      model: 'spark-x2.5',
      functions: true, // ?
      // ✔ X2.5 takes `max_completion_tokens` (< 256K); `max_tokens` is deprecated there.
      maxTokensField: 'max_completion_tokens' as const,
    }),
    // ? The context window is not published; 256K matches the output bound.
    contextWindow: 256 * 1024,
    maxOutputTokens: 256 * 1024 - 1,
    defaultMaxTokens: 32 * 1024, // ? assumption
    capabilities: Object.freeze({ system: true, functions: false, webSearch: false, reasoning: true }),
  }),
]);

/** A registry entry with its HTTP endpoint attached, when it has one. */
export function withHttpEndpoint(model: SparkModel): SparkModel {
  const http = model.http ?? HTTP_ENDPOINTS[model.id];
  return http === model.http ? model : Object.freeze({ ...model, http });
}
