/**
 * A request after encoding: what every wire protocol hands back to the client, in the SDK's names.
 */

/** The serialized request, and what it asks for that the answer's result depends on. */
export interface EncodedRequest {
  /** The JSON text sent on every attempt (the WebSocket request frame, or the HTTP body). */
  requestText: string;
  /** The max tokens the request asks for (explicit or the model's default): decides `finishReason: 'length'`. */
  maxTokens: number;
}
