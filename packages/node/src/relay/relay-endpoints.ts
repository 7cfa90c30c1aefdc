import { MODELS, SparkConfigError } from '@xinghuo/core';

/**
 * `model` ids the service accepts that the model registry does not list as a model of its own: X1.5's
 * old id `x1` (spec §6.1) and the smaller X2.5 variants.
 */
const OTHER_MODEL_IDS: Readonly<Record<string, readonly string[]>> = {
  '/v2/chat/completions': ['x1'],
  '/x2.5/chat/completions': ['spark-x2.5-4b', 'spark-x2.5-1.7b'],
};

/** The registry's HTTP endpoints (path → the `model` ids sent there), plus {@link OTHER_MODEL_IDS}. */
function endpointsFromRegistry(): Readonly<Record<string, readonly string[]>> {
  const endpoints: Record<string, string[]> = {};
  for (const model of MODELS) {
    if (!model.http) continue;
    const path = new URL(model.http.url).pathname;
    const ids = endpoints[path] ?? [];
    if (!ids.includes(model.http.model)) ids.push(model.http.model);
    endpoints[path] = ids;
  }
  for (const [path, ids] of Object.entries(OTHER_MODEL_IDS)) endpoints[path]?.push(...ids);
  return Object.freeze(
    Object.fromEntries(Object.entries(endpoints).map(([path, ids]) => [path, Object.freeze(ids)])),
  );
}

/**
 * Spark's OpenAI-compatible chat endpoints and the `model` ids each one serves (protocol spec §6.1),
 * read from the model registry so that a model added there is relayed too: the general models on
 * `/v1`, X1.5 on `/v2` (`x1` is its old id), X2 on `/x2`, and the hosted X2.5 on `/x2.5` (a path
 * assumed by the registry, not captured from the official page).
 */
export const DEFAULT_RELAY_ENDPOINTS: Readonly<Record<string, readonly string[]>> = endpointsFromRegistry();

/** Spark's upstream for the HTTP protocol. */
export const DEFAULT_RELAY_UPSTREAM = 'https://spark-api-open.xf-yun.com';

const ENDPOINT_PATH = /^(\/[A-Za-z0-9._~-]+)+$/;

/** The endpoints a relay serves: path → allowed `model` ids. */
export interface EndpointTable {
  /** The endpoint path a request path ends with (the relay may be mounted under any prefix). */
  match(pathname: string): string | undefined;
  /** Whether `model` may be sent to `endpoint`. */
  allows(endpoint: string, model: string): boolean;
  /** The models of `endpoint`, for error messages. */
  models(endpoint: string): readonly string[];
}

/**
 * Builds the endpoint table from the `endpoints` option (default {@link DEFAULT_RELAY_ENDPOINTS}),
 * narrowed to `models` when given. Paths are fixed strings: the upstream path always comes from
 * this table, never from the request.
 */
export function createEndpointTable(
  endpoints: Readonly<Record<string, readonly string[]>> = DEFAULT_RELAY_ENDPOINTS,
  models?: readonly string[],
): EndpointTable {
  const table = new Map<string, Set<string>>();
  for (const [path, ids] of Object.entries(endpoints)) {
    if (!ENDPOINT_PATH.test(path) || !Array.isArray(ids) || !ids.every((id) => typeof id === 'string')) {
      throw new SparkConfigError(
        `createRelayHandler: \`endpoints\` maps paths such as "/v1/chat/completions" to model ids, got "${path}".`,
      );
    }
    const allowed = ids.filter((id) => models === undefined || models.includes(id));
    if (allowed.length > 0) table.set(path, new Set(allowed));
  }
  if (table.size === 0) {
    throw new SparkConfigError(
      'createRelayHandler: no endpoint is left with an allowed model (check `models`).',
    );
  }
  // Longest first, so `/v1/chat/completions` never shadows a longer custom path ending the same way.
  const paths = [...table.keys()].sort((left, right) => right.length - left.length);
  return {
    match: (pathname) => paths.find((path) => pathname === path || pathname.endsWith(path)),
    allows: (endpoint, model) => table.get(endpoint)?.has(model) === true,
    models: (endpoint) => [...(table.get(endpoint) ?? [])],
  };
}

/** Checks the `upstream` option and returns it without a trailing slash. */
export function normalizeUpstream(upstream: string): string {
  let url: URL | undefined;
  try {
    url = new URL(upstream);
  } catch {
    url = undefined;
  }
  if (!url || !/^https?:$/.test(url.protocol) || url.search || url.hash || url.username || url.password) {
    throw new SparkConfigError(
      'createRelayHandler: `upstream` is an http(s) origin such as "https://spark-api-open.xf-yun.com" ' +
        '(no query, fragment or user info).',
    );
  }
  return `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
}
