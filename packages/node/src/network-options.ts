/**
 * The network settings the `ws` transport and the Node `fetch` share, so that WebSocket and HTTP
 * requests take the same route.
 */
import type { ConnectionOptions } from 'node:tls';
import type { ProxyResolver } from './proxy/proxy-url';

/** A proxy and extra CA certificates, as `createWsTransport` and `createNodeFetch` take them. */
export interface NodeNetworkOptions {
  /**
   * An HTTP proxy for every connection (`http://user:password@proxy.corp:3128`; `https://` proxies
   * work too), or a function that picks one per URL, such as `proxyFromEnv()` for the `HTTPS_PROXY` /
   * `NO_PROXY` variables. Each connection goes through a `CONNECT` tunnel of its own; TLS to Spark
   * runs end to end inside it and is verified as without a proxy.
   */
  proxy?: string | URL | ProxyResolver | undefined;
  /** Extra trusted CA certificates (PEM) for TLS to Spark or to an `https://` proxy, e.g. a company CA. */
  ca?: ConnectionOptions['ca'] | undefined;
}
