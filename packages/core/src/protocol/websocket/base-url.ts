/**
 * `baseURL`: dialling a proxy or gateway in front of Spark instead of spark-api.xf-yun.com, with the
 * model's path kept.
 */
import { SparkConfigError } from '../../errors/error-classes';

const WEBSOCKET_SCHEME: Readonly<Record<string, string>> = {
  'ws:': 'ws:',
  'wss:': 'wss:',
  'http:': 'ws:',
  'https:': 'wss:',
};

function parseUrl(url: string, name: string): URL {
  let parsed: URL | undefined;
  try {
    parsed = new URL(url);
  } catch {
    // reported below
  }
  if (!parsed?.hostname || !WEBSOCKET_SCHEME[parsed.protocol]) {
    throw new SparkConfigError(
      `${name} is not a valid URL: it needs ws://, wss://, http:// or https:// and a host, e.g. ws://127.0.0.1:8787.`,
    );
  }
  return parsed;
}

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
  if (baseURL === undefined || baseURL === '') return url;
  const base = parseUrl(baseURL, 'baseURL');
  const target = parseUrl(url, 'The model URL');
  const prefix = base.pathname.replace(/\/+$/, '');
  return `${WEBSOCKET_SCHEME[base.protocol]}//${base.host}${prefix}${target.pathname}${target.search}`;
}
