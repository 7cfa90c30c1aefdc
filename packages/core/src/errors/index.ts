/**
 * The errors of the SDK. Also re-exports the WebSocket protocol's code table and handshake mapping,
 * which the public API has always offered from here.
 */
export { errorFromHandshake, type HandshakeFailure } from '../protocol/websocket/from-handshake';
export { describeSparkCode, errorFromSparkCode } from '../protocol/websocket/from-spark-code';
export * from './error-classes';
export { REDACTED, redactSecrets, redactUrl } from './redact';
export { SparkError, type SparkErrorCode, type SparkErrorOptions } from './spark-error';
export { toSparkError } from './to-spark-error';
