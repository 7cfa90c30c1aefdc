/**
 * The errors of the SDK. Spark's code table (`describeSparkCode`, `errorFromSparkCode`) is not here:
 * it is offered by `@xinghuo/core` and `@xinghuo/core/spark-codes`, so the portable entry a page starts
 * from leaves it to the protocol chunks that decode frames.
 */
export * from './error-classes';
export { REDACTED, redactSecrets, redactUrl } from './redact';
export { SparkError, type SparkErrorCode, type SparkErrorOptions } from './spark-error';
export { toSparkError } from './to-spark-error';
