/**
 * `baseURL` for HTTP endpoints: the same rule as for WebSocket ones (scheme, host and port replaced,
 * the model's path kept behind the base URL's own path), with `ws:`/`wss:` read as `http:`/`https:`.
 */
import { SparkConfigError } from '../../errors/error-classes';

const HTTP_SCHEME: Readonly<Record<string, string>> = {
  'http:': 'http:',
  'https:': 'https:',
  'ws:': 'http:',
  'wss:': 'https:',
};

function parseUrl(url: string, name: string): URL {
  let parsed: URL | undefined;
  try {
    parsed = new URL(url);
  } catch {
    // reported below
  }
  if (!parsed?.hostname || !HTTP_SCHEME[parsed.protocol]) {
    throw new SparkConfigError(
      `${name} is not a valid URL: it needs http://, https://, ws:// or wss:// and a host, e.g. http://127.0.0.1:8787.`,
    );
  }
  return parsed;
}

/**
 * Points an HTTP endpoint at another server. Without a `baseURL` the URL is returned unchanged.
 *
 * @throws SparkConfigError when `baseURL` or `url` is not a valid URL
 * @example
 * ```ts
 * withHttpBaseURL('https://spark-api-open.xf-yun.com/v1/chat/completions', 'http://127.0.0.1:8787');
 * // 'http://127.0.0.1:8787/v1/chat/completions'
 * ```
 */
export function withHttpBaseURL(url: string, baseURL?: string): string {
  if (baseURL === undefined || baseURL === '') return url;
  const base = parseUrl(baseURL, 'baseURL');
  const target = parseUrl(url, 'The model URL');
  const prefix = base.pathname.replace(/\/+$/, '');
  return `${HTTP_SCHEME[base.protocol]}//${base.host}${prefix}${target.pathname}${target.search}`;
}
