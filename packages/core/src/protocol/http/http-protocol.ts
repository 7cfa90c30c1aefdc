/**
 * The HTTP protocol's part of the engine, in one module that the engine loads with a dynamic `import()`
 * on the first HTTP request, so that a WebSocket-only bundle (a browser page) carries none of it: the
 * body encoder, the SSE reader, the chunk decoder and the HTTP error mapping.
 */
import { RELAYED_FETCH } from '../../client/credentials';
import { SparkConfigError } from '../../errors/error-classes';
import type { OpenFrameConnection } from '../../exchange/frame-connection';
import type { SparkModel } from '../../models/models';
import type { ChatParams, SparkLogger } from '../../types';
import { type EncodedRequest, encodedRequest } from '../encoded-request';
import { type EncodeHttpRequestOptions, encodeHttpRequest } from './encode-http-request';
import { withHttpBaseURL } from './http-base-url';
import { openHttp, type SparkFetch } from './open-http';

/**
 * `encodeHttpRequest`, serialized, with the max tokens the body asks for (the model's field,
 * `max_tokens` or `max_completion_tokens`, else the model's default).
 *
 * @throws SparkInvalidRequestError as `encodeHttpRequest`
 */
export function encodeHttpRequestText(params: ChatParams, options: EncodeHttpRequestOptions): EncodedRequest {
  const body = encodeHttpRequest(params, options);
  return encodedRequest(body, body.max_tokens ?? body.max_completion_tokens, options.model);
}

/** What the engine knows about one HTTP request. */
export interface HttpRequestPlan {
  /** A model with an HTTP endpoint. */
  model: SparkModel;
  requestText: string;
  /** The Bearer credential; `undefined` when the client has none. */
  credential: string | undefined;
  /** The client's `fetch` option. */
  fetch: SparkFetch | undefined;
  baseURL: string | undefined;
  logger: SparkLogger | undefined;
}

/** True for a `fetch` made by `relayedFetch`: its requests need no credential from the client. */
export function isRelayedFetch(fetch: unknown): boolean {
  return typeof fetch === 'function' && (fetch as { [RELAYED_FETCH]?: unknown })[RELAYED_FETCH] === true;
}

/**
 * Checks what an HTTP request needs (a credential, a `fetch`) and returns how each attempt opens it.
 *
 * @throws SparkConfigError naming the missing credential or `fetch`
 */
export function openHttpExchange(plan: HttpRequestPlan): OpenFrameConnection {
  const { model, credential } = plan;
  // A relay's fetch needs none: the relay adds the credential on the server.
  if (credential === undefined && !isRelayedFetch(plan.fetch)) {
    throw new SparkConfigError(
      'The HTTP protocol needs a credential: apiPassword (SPARK_API_PASSWORD), or apiKey and apiSecret.',
    );
  }
  // Read now, not when the client was created: a runtime may install its fetch later.
  const fetch = plan.fetch ?? (globalThis.fetch as SparkFetch | undefined);
  if (typeof fetch !== 'function') {
    throw new SparkConfigError('No fetch in this runtime: pass `fetch` to use the HTTP protocol.');
  }
  const endpoint = model.http;
  if (!endpoint) throw new SparkConfigError(`Model "${model.id}" has no HTTP endpoint.`);
  return openHttp({
    url: withHttpBaseURL(endpoint.url, plan.baseURL),
    model,
    requestText: plan.requestText,
    credential,
    fetch,
    logger: plan.logger,
  });
}
