/**
 * The Spark provider of the AI SDK: `createSpark(settings)` and the default `spark` instance.
 */
import { type LanguageModelV3, NoSuchModelError, type ProviderV3 } from '@ai-sdk/provider';
import { resolveModel, SparkConfigError } from '@xinghuo/core';
import { buildClient } from './resolve-client';
import { SparkLanguageModel } from './spark-language-model';
import type {
  SparkModelSettings,
  SparkProviderClient,
  SparkProviderSettings,
} from './spark-provider-options';

/**
 * Model ids and aliases of the registry (`'lite'`, `'max'`, `'4.0Ultra'`, `'x1'`…); other strings are
 * accepted for ids the registry learns later.
 */
export type SparkModelId =
  | 'lite'
  | 'pro'
  | 'generalv3'
  | 'pro-128k'
  | 'max'
  | 'generalv3.5'
  | 'max-32k'
  | 'ultra'
  | '4.0Ultra'
  | 'kjwx'
  | 'x1'
  | 'spark-x'
  | (string & {});

/** A Spark provider: call it with a model id, or use `languageModel`. */
export interface SparkProvider extends ProviderV3 {
  /** A Spark chat model, e.g. `spark('max')`. */
  (modelId: SparkModelId, settings?: SparkModelSettings): LanguageModelV3;
  /** A Spark chat model, e.g. `spark.languageModel('lite', { webSearch: true })`. */
  languageModel(modelId: SparkModelId, settings?: SparkModelSettings): LanguageModelV3;
  /** Same as {@link SparkProvider.languageModel}. */
  chat(modelId: SparkModelId, settings?: SparkModelSettings): LanguageModelV3;
}

/**
 * Creates a Spark provider for the AI SDK.
 *
 * Nothing is read or connected until the first request: the client is built then (from `client`, or
 * from the options and the `SPARK_*` environment).
 *
 * @example
 * ```ts
 * import { createSpark } from '@xinghuo/ai-sdk';
 * import { createSparkClient } from '@xinghuo/node';
 * import { generateText } from 'ai';
 *
 * const spark = createSpark({ client: createSparkClient({ maxRetries: 0 }) });
 * const { text } = await generateText({ model: spark('max'), prompt: '你好' });
 * ```
 */
export function createSpark(settings: SparkProviderSettings = {}): SparkProvider {
  let client: SparkProviderClient | undefined;
  const config = {
    provider: 'spark.chat',
    client: () => (client ??= buildClient(settings)),
    protocol: settings.protocol,
  };

  const languageModel = (modelId: SparkModelId, modelSettings: SparkModelSettings = {}): LanguageModelV3 => {
    let model: ReturnType<typeof resolveModel>;
    try {
      model = resolveModel(modelId);
    } catch (error) {
      if (!(error instanceof SparkConfigError)) throw error;
      throw new NoSuchModelError({ modelId, modelType: 'languageModel', message: error.message });
    }
    return new SparkLanguageModel(model, modelSettings, config);
  };

  const noSuchModel = (modelType: 'embeddingModel' | 'imageModel') => (modelId: string) => {
    throw new NoSuchModelError({
      modelId,
      modelType,
      message: `Spark has no ${modelType === 'embeddingModel' ? 'embedding' : 'image'} model in this provider.`,
    });
  };

  const provider = (modelId: SparkModelId, modelSettings?: SparkModelSettings) =>
    languageModel(modelId, modelSettings);
  return Object.assign(provider, {
    specificationVersion: 'v3' as const,
    languageModel,
    chat: languageModel,
    embeddingModel: noSuchModel('embeddingModel'),
    imageModel: noSuchModel('imageModel'),
  });
}

/**
 * The default provider: credentials from `SPARK_APP_ID`, `SPARK_API_KEY`, `SPARK_API_SECRET` (and
 * `SPARK_BASE_URL`), read at the first request, over the global `WebSocket` (Node ≥ 22, Deno, Bun,
 * edge runtimes). On Node 20 use `createSpark({ client: createSparkClient() })` from `@xinghuo/node`.
 */
export const spark: SparkProvider = /* @__PURE__ */ createSpark();
