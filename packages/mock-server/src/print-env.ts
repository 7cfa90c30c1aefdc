import type { MockCredentials } from './credentials.js';

/**
 * The variables a client needs to reach a mock, as POSIX sh `export` lines: values in single quotes
 * (a `'` inside written as `'\''`), so `eval "$(xinghuo-mock --print-env)"` sets them whatever they hold.
 *
 * @example
 * envExports('ws://127.0.0.1:8787', credentials);
 * // export SPARK_BASE_URL='ws://127.0.0.1:8787'\nexport SPARK_APP_ID='mockapp1'\n…
 */
export function envExports(baseURL: string, credentials: MockCredentials & { apiPassword?: string }): string {
  const variables: [string, string][] = [
    ['SPARK_BASE_URL', baseURL],
    ['SPARK_APP_ID', credentials.appId],
    ['SPARK_API_KEY', credentials.apiKey],
    ['SPARK_API_SECRET', credentials.apiSecret],
  ];
  if (credentials.apiPassword !== undefined) variables.push(['SPARK_API_PASSWORD', credentials.apiPassword]);
  return variables.map(([name, value]) => `export ${name}=${shellQuote(value)}\n`).join('');
}

/** Quotes `value` for POSIX sh. */
export function shellQuote(value: string): string {
  return `'${value.replaceAll("'", "'\\''")}'`;
}

/** The `ws://host:port` URL a server on `host` and `port` is reached at (IPv6 hosts in brackets). */
export function baseUrlOf(host: string, port: number): string {
  return `ws://${host.includes(':') ? `[${host}]` : host}:${port}`;
}

/** The `http://host:port` URL of the same listener (the OpenAI-compatible face). */
export function httpBaseUrlOf(host: string, port: number): string {
  return `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
}
