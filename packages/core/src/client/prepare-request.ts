/**
 * Everything done once per request before any network: model, history trimming, validation, encoding.
 */

import { SparkConfigError } from '../errors';
import type { AnswerContext } from '../exchange/answer-accumulator';
import { resolveModel, type SparkModel } from '../models/models';
import { encodeRequest } from '../protocol/websocket/encode-request';
import type { ChatMessage, ChatParams, SparkLogger } from '../types';
import type { HistoryTrimmer } from './client-options';

/** A request ready to be sent on every attempt. */
export interface PreparedRequest {
  model: SparkModel;
  /** The JSON request frame. */
  requestText: string;
  /** What the answer accumulator needs: model id, max tokens, trimmed messages. */
  answer: AnswerContext;
}

/** Client settings the preparation depends on. */
export interface PrepareOptions {
  appId: string;
  defaultModel?: SparkModel | undefined;
  logger?: SparkLogger | undefined;
  /** The history trimmer, when the client was given one. */
  trim?: HistoryTrimmer | undefined;
}

/**
 * Resolves the model, trims the history when asked (`params.trimHistory`), validates and encodes.
 *
 * @throws SparkConfigError for a missing or unknown model, or `trimHistory` without a trimmer
 * @throws SparkInvalidRequestError for an invalid request (from `encodeRequest`)
 */
export function prepareRequest(params: ChatParams, options: PrepareOptions): PreparedRequest {
  const { logger } = options;
  let model: SparkModel;
  if (params.model !== undefined) model = resolveModel(params.model);
  else if (options.defaultModel) model = options.defaultModel;
  else {
    throw new SparkConfigError(
      'No model: pass `model` (e.g. "lite", "max") in the request or `defaultModel` to the client.',
    );
  }

  let messages = params.messages;
  let trimmedMessages: ChatMessage[] | undefined;
  if (params.trimHistory && Array.isArray(messages)) {
    if (!options.trim) {
      throw new SparkConfigError(
        'trimHistory needs the trimmer: pass trimHistory (exported by the package) to createSparkClient.',
      );
    }
    const trimmed = options.trim(messages, model, params.trimHistory === true ? {} : params.trimHistory);
    messages = trimmed.messages;
    if (trimmed.dropped.length > 0) {
      trimmedMessages = [...trimmed.dropped];
      logger?.info?.('xinghuo: trimmed the oldest history to fit the context window', {
        model: model.id,
        droppedMessages: trimmed.dropped.length,
        estimatedTokens: trimmed.estimatedTokens,
        budget: trimmed.budget,
      });
    }
    if (!trimmed.fits) {
      logger?.warn?.('xinghuo: the request may still exceed the context window after trimming', {
        model: model.id,
        estimatedTokens: trimmed.estimatedTokens,
        budget: trimmed.budget,
      });
    }
  }

  const frame = encodeRequest(
    { ...params, messages },
    { appId: options.appId, model, onWarning: (message) => logger?.warn?.(`xinghuo: ${message}`) },
  );
  const sentMaxTokens = frame.parameter.chat.max_tokens;
  return {
    model,
    requestText: JSON.stringify(frame),
    answer: {
      modelId: model.id,
      maxTokens: typeof sentMaxTokens === 'number' ? sentMaxTokens : model.defaultMaxTokens,
      trimmedMessages,
    },
  };
}
