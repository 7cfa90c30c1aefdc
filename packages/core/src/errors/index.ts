export * from './error-classes';
export { errorFromSparkCode, describeSparkCode } from './from-spark-code';
export { errorFromHandshake, type HandshakeFailure } from './from-handshake';
export { REDACTED, redactSecrets, redactUrl } from './redact';
export { SparkError, type SparkErrorCode, type SparkErrorOptions } from './spark-error';
