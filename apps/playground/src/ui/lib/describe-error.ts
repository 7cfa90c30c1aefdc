import { describeSparkCode, SparkError } from '@xinghuo/browser';
import type { ErrorInfo } from '../types';

/** What to do about each SDK error code. */
const HINTS: Readonly<Record<string, string>> = {
  config_error: 'Check the model and the server configuration (SPARK_* variables).',
  invalid_request: 'Check temperature (0–1], top_k (1–6) and max tokens against the model limits.',
  auth_error:
    'The server signs with SPARK_API_KEY and SPARK_API_SECRET: check that they are right and not swapped.',
  clock_skew: "The signing server's clock is more than 300 s off: fix the system clock.",
  permission_denied:
    'Enable this model for your app id in the iFlytek console, or check its token allowance.',
  quota_exceeded: 'The daily quota is used up; it resets tomorrow or can be raised in the console.',
  rate_limited: 'Too many requests right now: wait a moment and send again.',
  content_filter: 'Content moderation refused this exchange: rephrase the question.',
  context_length_exceeded:
    'The conversation is too long for this model: start a new chat or pick a larger model.',
  server_error: 'A transient Spark failure: sending again usually helps.',
  connection_error: 'The connection failed or closed early: check the network and send again.',
  timeout: 'Spark took too long: send again, or lower max tokens.',
  protocol_error: 'Spark sent a frame the SDK could not read: see the frame inspector.',
  aborted: 'The answer was stopped.',
};

/**
 * Turns anything thrown by the SDK into what the page shows: the stable code, Spark's numeric code
 * and its meaning, and a hint. SDK messages are already scrubbed of secrets and signed URLs.
 */
export function describeError(error: unknown): ErrorInfo {
  if (SparkError.isInstance(error)) {
    return {
      code: error.code,
      sparkCode: error.sparkCode,
      meaning: error.sparkCode === undefined ? undefined : describeSparkCode(error.sparkCode),
      hint: HINTS[error.code] ?? 'See the error message.',
      message: error.message,
      sid: error.sid,
      retryable: error.retryable,
    };
  }
  const message = error instanceof Error ? error.message : String(error);
  return { code: 'unexpected_error', hint: 'An unexpected failure in the page.', message, retryable: false };
}
