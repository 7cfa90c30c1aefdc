import { SparkError } from '@xinghuo/browser';
import { describeSparkCode } from '@xinghuo/browser/spark-codes';
import { MESSAGES } from '../i18n/messages';
import type { ErrorInfo } from '../types';

/** Hints are stored with a failed answer in English; the error card shows them in the UI language. */
const { errorHints, errorHintDefault, errorHintUnexpected } = MESSAGES.en;

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
      hint: errorHints[error.code] ?? errorHintDefault,
      message: error.message,
      sid: error.sid,
      retryable: error.retryable,
    };
  }
  const message = error instanceof Error ? error.message : String(error);
  return { code: 'unexpected_error', hint: errorHintUnexpected, message, retryable: false };
}
