/**
 * Spark's finish reason, usage and identifiers → the AI SDK's shapes.
 */
import type {
  LanguageModelV3FinishReason,
  LanguageModelV3Usage,
  SharedV3ProviderMetadata,
} from '@ai-sdk/provider';
import type { FinishReason, SparkError, Usage } from '@xinghuo/core';

/** Spark's end of answer → unified and raw finish reason. */
export function mapFinishReason(reason: FinishReason): LanguageModelV3FinishReason {
  switch (reason) {
    case 'stop':
      return { unified: 'stop', raw: reason };
    case 'length':
      return { unified: 'length', raw: reason };
    case 'function_call':
      return { unified: 'tool-calls', raw: reason };
    default:
      return { unified: 'other', raw: reason };
  }
}

/** The finish reason of an exchange that moderation stopped (10013, 10014, 10019, 10021). */
export function contentFilterFinishReason(error: SparkError): LanguageModelV3FinishReason {
  return {
    unified: 'content-filter',
    raw: error.sparkCode === undefined ? error.code : String(error.sparkCode),
  };
}

/**
 * Spark's usage → AI SDK usage. Spark reports prompt and completion tokens only: x1's reasoning tokens
 * are inside `completion_tokens` and not reported apart, and there is no prompt cache.
 */
export function mapUsage(usage: Usage | undefined): LanguageModelV3Usage {
  return {
    inputTokens: {
      total: usage?.promptTokens,
      noCache: usage?.promptTokens,
      cacheRead: undefined,
      cacheWrite: undefined,
    },
    outputTokens: { total: usage?.completionTokens, text: undefined, reasoning: undefined },
    ...(usage
      ? {
          raw: {
            prompt_tokens: usage.promptTokens,
            completion_tokens: usage.completionTokens,
            total_tokens: usage.totalTokens,
          },
        }
      : {}),
  };
}

/** What `providerMetadata.spark` holds. */
export interface SparkProviderMetadata {
  /** Spark session id: quote it to iFlytek support. */
  sid: string | undefined;
  /** Spark's numeric code of a moderation stop. */
  sparkCode?: number | undefined;
  /** `'input'` or `'output'` for a moderation stop. */
  contentFilterStage?: string | undefined;
  /** Total tokens as Spark counted them. */
  totalTokens?: number | undefined;
}

/** Builds `providerMetadata` with the `spark` key (JSON values only: undefined fields are left out). */
export function sparkMetadata(metadata: SparkProviderMetadata): SharedV3ProviderMetadata {
  const spark: Record<string, string | number> = {};
  for (const [key, value] of Object.entries(metadata)) if (value !== undefined) spark[key] = value;
  return { spark };
}
