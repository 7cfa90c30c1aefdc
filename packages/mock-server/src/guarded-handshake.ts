import type { HandshakeDecision, HandshakeRequest, MockSparkEngine } from './engine.js';
import type { MaybePromise } from './maybe-promise.js';

/** A throwing handshake hook answers 500 with its message instead of crashing the process. */
function handshakeFailure(error: unknown): HandshakeDecision {
  const message = `mock handshake handler failed: ${error instanceof Error ? error.message : String(error)}`;
  return { accepted: false, rejection: { status: 500, body: { message } } };
}

/**
 * `engine.handshake(request)`, with a hook that throws or rejects turned into a 500 refusal. Stays
 * synchronous whenever the engine's decision is, which the msw face needs to refuse before `open`.
 */
export function guardedHandshake(
  engine: MockSparkEngine,
  request: HandshakeRequest,
): MaybePromise<HandshakeDecision> {
  let decision: MaybePromise<HandshakeDecision>;
  try {
    decision = engine.handshake(request);
  } catch (error) {
    return handshakeFailure(error);
  }
  return decision instanceof Promise ? decision.catch(handshakeFailure) : decision;
}
