/**
 * A request after encoding: what every wire protocol hands back to the client, in the SDK's names.
 */
import type { SparkModel } from '../models/models';

/** The serialized request, and what it asks for that the answer's result depends on. */
export interface EncodedRequest {
  /** The JSON text sent on every attempt (the WebSocket request frame, or the HTTP body). */
  requestText: string;
  /** The max tokens the request asks for (explicit or the model's default): decides `finishReason: 'length'`. */
  maxTokens: number;
}

/**
 * The {@link EncodedRequest} of a wire body: its JSON text, and the max tokens it sends (whatever the
 * protocol calls the field), else the model's default, which the server then applies.
 */
export function encodedRequest(
  body: object,
  sentMaxTokens: unknown,
  model: Pick<SparkModel, 'defaultMaxTokens'>,
): EncodedRequest {
  return {
    requestText: JSON.stringify(body),
    maxTokens: typeof sentMaxTokens === 'number' ? sentMaxTokens : model.defaultMaxTokens,
  };
}
