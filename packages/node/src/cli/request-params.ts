import type { ChatMessage, ChatParams, SparkModel } from '@xinghuo/core';
import type { CliOptions } from './args';

/** The chat parameters the shared flags select. */
export function requestParams(
  options: CliOptions,
  model: SparkModel,
  messages: readonly ChatMessage[],
): ChatParams {
  return {
    model,
    messages,
    ...(options.temperature === undefined ? {} : { temperature: options.temperature }),
    ...(options.maxTokens === undefined ? {} : { maxTokens: options.maxTokens }),
  };
}
