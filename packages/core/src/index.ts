/**
 * @xinghuo/core: the transport-agnostic protocol core of the xinghuo SDK for iFlytek Spark (讯飞星火).
 *
 * No I/O of its own, no `node:*`, no DOM globals: WebCrypto, `TextEncoder` and timers only, so it runs
 * in Node ≥ 20, browsers, workers and edge runtimes. Platform packages add a transport.
 *
 * @packageDocumentation
 */
export { createSparkClient } from './client/client';
export * from './portable';
export { signUrl } from './signing/sign-url';
export { describeSparkCode, errorFromSparkCode } from './spark-codes';
