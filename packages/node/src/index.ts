/**
 * @xinghuo/node: the xinghuo SDK for iFlytek Spark (讯飞星火) on Node.js.
 *
 * Everything from `@xinghuo/core`, plus the Node platform: a `ws` transport, a client that reads
 * `SPARK_*` environment variables, and a URL-signing handler and an HTTP relay for browser apps.
 *
 * @packageDocumentation
 */
export * from '@xinghuo/core';
export { createSparkClient, type NodeSparkClientOptions } from './create-client';
export {
  ENV_VARIABLES,
  readSparkEnv,
  requireCredentials,
  type SparkEnvironment,
  type SparkEnvSettings,
} from './env-config';
export { createNodeFetch, type NodeFetchOptions } from './http/node-fetch';
export type { NodeNetworkOptions } from './network-options';
export { nodeHmacSha256 } from './node-hmac';
export {
  createNodeRelayHandler,
  createNodeRelayListener,
  type RelayEnvironment,
} from './node-relay-listener';
export {
  createNodeSigningListener,
  type NodeHandlerOptions,
  type NodeRequestListener,
  toNodeHandler,
  type WebRequestHandler,
} from './node-signing-listener';
export { type ProxyEnvironment, type ProxyResolver, proxyFromEnv } from './proxy/proxy-from-env';
export * from './signing/index';
export { createWsTransport, type WsTransportOptions } from './ws/ws-transport';
