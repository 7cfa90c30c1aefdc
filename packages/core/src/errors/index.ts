export { errorFromHandshake, type HandshakeFailure } from '../protocol/websocket/from-handshake';
export { describeSparkCode, errorFromSparkCode } from '../protocol/websocket/from-spark-code';
export * from './error-classes';
export { REDACTED, redactSecrets, redactUrl } from './redact';
export { SparkError, type SparkErrorCode, type SparkErrorOptions } from './spark-error';
export { toSparkError } from './to-spark-error';
