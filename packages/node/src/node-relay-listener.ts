import { SparkConfigError } from '@xinghuo/core';
import { type NodeRequestListener, toNodeHandler } from './node-signing-listener';
import { createRelayHandler, type RelayHandler, type RelayHandlerOptions } from './relay/index';

/** Where {@link createNodeRelayHandler} reads the HTTP credential when the options carry none. */
export type RelayEnvironment = Readonly<Record<string, string | undefined>>;

/**
 * {@link createRelayHandler} with the HTTP credential taken from the environment when the options
 * carry none: `SPARK_API_PASSWORD`, else `SPARK_API_KEY` and `SPARK_API_SECRET`. For Node servers and
 * Next.js route handlers on the Node runtime (the Web handler itself never reads `process.env`).
 */
export function createNodeRelayHandler(
  options: RelayHandlerOptions,
  env: RelayEnvironment = process.env,
): RelayHandler {
  const given = options.apiPassword || (options.apiKey && options.apiSecret);
  if (given) return createRelayHandler(options);
  const password = env.SPARK_API_PASSWORD?.trim();
  if (password) return createRelayHandler({ ...options, apiPassword: password });
  const apiKey = env.SPARK_API_KEY?.trim();
  const apiSecret = env.SPARK_API_SECRET?.trim();
  if (apiKey && apiSecret) return createRelayHandler({ ...options, apiKey, apiSecret });
  throw new SparkConfigError(
    'createNodeRelayHandler: set SPARK_API_PASSWORD (or SPARK_API_KEY and SPARK_API_SECRET), ' +
      'or pass apiPassword in the options.',
  );
}

/**
 * `toNodeHandler(createNodeRelayHandler(options))` in one call: a relay for `node:http`, Express and
 * Connect, streaming answers and cancelling the upstream request when the client goes away.
 *
 * @example
 * ```ts
 * import { createServer } from 'node:http';
 * import { createNodeRelayListener } from '@xinghuo/node';
 *
 * // The browser client uses relayURL: 'https://app.example.com/api/spark'.
 * const relay = createNodeRelayListener({ authorize: checkSession }); // SPARK_API_PASSWORD from env
 * createServer((request, response) => {
 *   if (request.url?.startsWith('/api/spark/')) relay(request, response);
 *   else response.writeHead(404).end();
 * }).listen(3000);
 * ```
 */
export function createNodeRelayListener(
  options: RelayHandlerOptions,
  env: RelayEnvironment = process.env,
): NodeRequestListener {
  // The relay bounds its own body; the adapter's bound must not be the tighter one.
  return toNodeHandler(createNodeRelayHandler(options, env), { maxBodyBytes: options.maxBodyBytes });
}
