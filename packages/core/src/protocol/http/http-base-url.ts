/**
 * `baseURL` for HTTP endpoints: the same rule as for WebSocket ones (scheme, host and port replaced,
 * the model's path kept behind the base URL's own path), with `ws:`/`wss:` read as `http:`/`https:`.
 */
import { createRebaser } from '../rebase-url';

const HTTP_SCHEME: Readonly<Record<string, string>> = {
  'http:': 'http:',
  'https:': 'https:',
  'ws:': 'http:',
  'wss:': 'https:',
};

const rebase = createRebaser(HTTP_SCHEME);

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
  return rebase(url, baseURL);
}
