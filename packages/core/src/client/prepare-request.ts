/**
 * Everything done once per request before any network: model, history trimming, validation, encoding.
 */

import { SparkConfigError } from '../errors';
import type { AnswerContext } from '../exchange/answer-accumulator';
import { resolveModel, type SparkModel } from '../models/models';
import type { EncodedRequest } from '../protocol/encoded-request';
import type { encodeHttpRequestText } from '../protocol/http/http-protocol';
import type * as webSocketProtocol from '../protocol/websocket/websocket-protocol';
import type { ChatMessage, ChatParams, SparkLogger, SparkProtocol } from '../types';
import type { HistoryTrimmer } from './client-options';
import { withField } from './request-values';

/** A request ready to be sent on every attempt. */
export interface PreparedRequest {
  /** The JSON request frame (WebSocket) or body (HTTP). */
  requestText: string;
  /** What the answer accumulator needs: model id, max tokens. */
  answer: AnswerContext;
  /** Messages history trimming removed, stamped on the result; `undefined` when none were. */
  trimmedMessages: ChatMessage[] | undefined;
}

/** Client settings the preparation depends on. */
export interface PrepareOptions {
  /** The APPID (WebSocket only; `''` for a client that speaks only HTTP). */
  appId: string;
  /** The request's model (see {@link resolveRequestModel}). */
  model: SparkModel;
  protocol: SparkProtocol;
  logger?: SparkLogger | undefined;
  /** The HTTP body encoder (loaded with the HTTP protocol); required when `protocol` is `'http'`. */
  encodeHttp?: typeof encodeHttpRequestText | undefined;
  /** The frame encoder and message check (loaded with the WebSocket protocol); required for `'ws'`. */
  webSocket?: Pick<typeof webSocketProtocol, 'encodeRequestText' | 'validateMessages'> | undefined;
  /** The history trimmer, when the client was given one. */
  trim?: HistoryTrimmer | undefined;
}

/**
 * The request's model, else the client's default.
 *
 * @throws SparkConfigError for a missing or unknown model
 */
export function resolveRequestModel(params: ChatParams, defaultModel: SparkModel | undefined): SparkModel {
  if (params.model !== undefined) return resolveModel(params.model);
  if (defaultModel) return defaultModel;
  throw new SparkConfigError(
    'No model: pass `model` (e.g. "lite", "max") in the request or `defaultModel` to the client.',
  );
}

function loadedWebSocket(options: PrepareOptions): NonNullable<PrepareOptions['webSocket']> {
  if (!options.webSocket)
    throw new SparkConfigError('The WebSocket protocol was not loaded: pass webSocket.');
  return options.webSocket;
}

/**
 * Trims the history when asked (`params.trimHistory`), validates and encodes for the protocol.
 *
 * @throws SparkConfigError for `trimHistory` without a trimmer
 * @throws SparkInvalidRequestError for an invalid request (from `encodeRequest` or `encodeHttpRequest`)
 */
export function prepareRequest(params: ChatParams, options: PrepareOptions): PreparedRequest {
  const { logger, model } = options;

  let messages = params.messages;
  let trimmedMessages: ChatMessage[] | undefined;
  if (params.trimHistory && Array.isArray(messages)) {
    if (!options.trim) {
      throw new SparkConfigError(
        'trimHistory needs the trimmer: pass trimHistory (exported by the package) to createSparkClient.',
      );
    }
    // Trimming reads the messages: check them first, so it only ever sees valid ones (the HTTP
    // encoder checks its own message shapes, tool turns included, after trimming).
    const valid =
      options.protocol === 'http'
        ? messages
        : withField('messages', () => loadedWebSocket(options).validateMessages(messages));
    const trim = options.trim;
    const trimOptions = params.trimHistory === true ? {} : params.trimHistory;
    const trimmed = withField('trimHistory', () => trim(valid, model, trimOptions));
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

  const onWarning = (message: string) => logger?.warn?.(`xinghuo: ${message}`);
  // A copy only when trimming replaced the messages.
  const request = messages === params.messages ? params : { ...params, messages };
  let encoded: EncodedRequest;
  if (options.protocol === 'http') {
    if (!options.encodeHttp) throw new SparkConfigError('The HTTP protocol was not loaded: pass encodeHttp.');
    encoded = options.encodeHttp(request, { model, onWarning });
  } else {
    encoded = loadedWebSocket(options).encodeRequestText(request, { appId: options.appId, model, onWarning });
  }
  return {
    requestText: encoded.requestText,
    answer: { modelId: model.id, maxTokens: encoded.maxTokens },
    trimmedMessages,
  };
}
