/**
 * `baseURL`: dialling a proxy or gateway in front of Spark instead of spark-api.xf-yun.com, with the
 * model's path kept.
 */
import { createRebaser } from '../rebase-url';

const WEBSOCKET_SCHEME: Readonly<Record<string, string>> = {
  'ws:': 'ws:',
  'wss:': 'wss:',
  'http:': 'ws:',
  'https:': 'wss:',
};

const rebase = createRebaser(WEBSOCKET_SCHEME);

/**
 * Points a model URL at another server (a mock, a proxy): replaces scheme, host and port and keeps
 * the model's path, so the signature still covers the path Spark expects.
 *
 * `http:` and `https:` base URLs become `ws:` and `wss:`. A base URL with a path (a proxy mounted under
 * a prefix, `https://example.com/spark`) puts that prefix in front of the model path. Without a
 * `baseURL` the URL is returned unchanged.
 *
 * @throws SparkConfigError when `baseURL` or `url` is not a valid URL
 * @example
 * ```ts
 * withBaseURL('wss://spark-api.xf-yun.com/v3.5/chat', 'ws://127.0.0.1:8787');
 * // 'ws://127.0.0.1:8787/v3.5/chat'
 * ```
 */
export function withBaseURL(url: string, baseURL?: string): string {
  return rebase(url, baseURL);
}
