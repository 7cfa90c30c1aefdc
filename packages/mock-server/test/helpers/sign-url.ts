import { createHmac } from 'node:crypto';

/** How to sign: everything the signer needs, with knobs to produce the mistakes real clients make. */
export interface TestSignOptions {
  apiKey: string;
  apiSecret: string;
  date?: Date | string;
  /** Host to sign; defaults to the URL's host (with port). */
  signedHost?: string;
  /** Path to sign; defaults to the URL's path. */
  signedPath?: string;
  /** `form` (urllib.parse.urlencode, spaces as +) or `percent` (encodeURIComponent, spaces as %20). */
  encoding?: 'form' | 'percent';
  /** Reproduce the Python SDK's extra spaces inside authorization_origin. */
  pythonWhitespace?: boolean;
}

/**
 * An independent signer for tests, written from the official algorithm with node:crypto, so the mock's
 * verifier is checked against code that shares nothing with it.
 */
export function signTestUrl(url: string, options: TestSignOptions): string {
  const target = new URL(url);
  const date = typeof options.date === 'string' ? options.date : (options.date ?? new Date()).toUTCString();
  const host = options.signedHost ?? target.host;
  const path = options.signedPath ?? target.pathname;
  const origin = `host: ${host}\ndate: ${date}\nGET ${path} HTTP/1.1`;
  const signature = createHmac('sha256', options.apiSecret).update(origin).digest('base64');
  const separator = options.pythonWhitespace ? ',         ' : ', ';
  const authorizationOrigin = [
    `api_key="${options.apiKey}"`,
    'algorithm="hmac-sha256"',
    'headers="host date request-line"',
    `signature="${signature}"`,
  ].join(separator);
  const authorization = Buffer.from(authorizationOrigin, 'utf8').toString('base64');
  const parameters: [string, string][] = [
    ['authorization', authorization],
    ['date', date],
    ['host', host],
  ];
  const query =
    options.encoding === 'percent'
      ? parameters.map(([name, value]) => `${name}=${encodeURIComponent(value)}`).join('&')
      : new URLSearchParams(parameters).toString();
  return `${target.origin.replace(/^http/, 'ws')}${target.pathname}?${query}`;
}
