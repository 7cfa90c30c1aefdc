export * from './error-classes';
export { errorFromHandshake, type HandshakeFailure } from './from-handshake';
export { describeSparkCode, errorFromSparkCode } from './from-spark-code';
export { REDACTED, redactSecrets, redactUrl } from './redact';
export { SparkError, type SparkErrorCode, type SparkErrorOptions } from './spark-error';
