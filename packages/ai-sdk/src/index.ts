/**
 * @xinghuo/ai-sdk: a Vercel AI SDK provider (`LanguageModelV3`) for iFlytek Spark (讯飞星火).
 *
 * Works in Node, edge runtimes and browsers: it takes any xinghuo client (`@xinghuo/node`,
 * `@xinghuo/browser`) or client options, and imports no platform module itself.
 *
 * @packageDocumentation
 */
export type { SparkProviderMetadata } from './map-result';
export { SparkLanguageModel } from './spark-language-model';
export { createSpark, type SparkModelId, type SparkProvider, spark } from './spark-provider';
export type {
  SparkModelSettings,
  SparkProviderClient,
  SparkProviderSettings,
} from './spark-provider-options';
export type { SparkErrorData } from './to-api-call-error';
