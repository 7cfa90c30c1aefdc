/**
 * The errors of the SDK. Also re-exports the WebSocket protocol's code table (`describeSparkCode`,
 * `errorFromSparkCode`), which the public API offers from here.
 */
export { describeSparkCode, errorFromSparkCode } from '../protocol/websocket/from-spark-code';
export * from './error-classes';
export { REDACTED, redactSecrets, redactUrl } from './redact';
export { SparkError, type SparkErrorCode, type SparkErrorOptions } from './spark-error';
export { toSparkError } from './to-spark-error';
