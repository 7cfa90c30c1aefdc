/**
 * The Spark (xfyun gateway) HMAC-SHA256 URL signature, spec §1.2.
 *
 * Host and request line are read from the same `URL` object that is returned, so what is signed is
 * exactly what is dialled: a non-default port is part of the host (as in the Host header the client
 * sends) and the path is the model's real path (`/chat/pro-128k`, not a guessed `/v3.5/chat`).
 */

import { SparkConfigError } from '../errors/error-classes';
import { encodeBase64 } from './base64';
import { formEncode } from './form-encode';

/** The two secrets from the iFlytek console used to sign URLs (the app id goes into the frame). */
export interface SparkCredentials {
  apiKey: string;
  apiSecret: string;
}

/** Options of {@link signUrl}. */
export interface SignUrlOptions {
  /** The signing time; defaults to now. Spark accepts ±300 s of its own clock. */
  date?: Date | undefined;
  /** HTTP method of the request line; `GET` for WebSockets, `POST` for the gateway's HTTP APIs. */
  method?: string | undefined;
  /**
   * The HMAC-SHA256 to sign with; defaults to WebCrypto (`crypto.subtle`). On Node a synchronous
   * `node:crypto` HMAC is several times cheaper per request (`@xinghuo/node` passes one). The signed
   * URL is byte-identical whichever implementation computes it.
   */
  hmac?: HmacSha256 | undefined;
}

/**
 * An HMAC-SHA256 implementation: the 32-byte MAC of `message` under `key`, both UTF-8 encoded.
 *
 * @example
 * ```ts
 * import { createHmac } from 'node:crypto';
 *
 * const hmac: HmacSha256 = (key, message) => createHmac('sha256', key).update(message).digest();
 * ```
 */
export type HmacSha256 = (key: string, message: string) => Uint8Array | Promise<Uint8Array>;

const encoder = /* @__PURE__ */ new TextEncoder();

// Importing a key costs more than the HMAC itself; clients sign once per request with the same
// secret. The cache is small and bounded so a server signing for many tenants cannot grow it forever.
const KEY_CACHE_LIMIT = 16;
const keyCache = /* @__PURE__ */ new Map<string, Promise<CryptoKey>>();

function subtleCrypto(): SubtleCrypto {
  const subtle = (globalThis as { crypto?: { subtle?: SubtleCrypto } }).crypto?.subtle;
  if (!subtle) {
    throw new SparkConfigError(
      'WebCrypto (globalThis.crypto.subtle) is not available. Use Node >= 20, a modern browser on https, or a worker runtime.',
    );
  }
  return subtle;
}

function importKey(apiSecret: string): Promise<CryptoKey> {
  const cached = keyCache.get(apiSecret);
  if (cached) return cached;
  const imported = subtleCrypto().importKey(
    'raw',
    encoder.encode(apiSecret),
    { name: 'HMAC', hash: 'SHA-256' },
    false,
    ['sign'],
  );
  // A failed import must not poison the cache.
  imported.catch(() => keyCache.delete(apiSecret));
  if (keyCache.size >= KEY_CACHE_LIMIT) {
    const oldest = keyCache.keys().next().value;
    if (oldest !== undefined) keyCache.delete(oldest);
  }
  keyCache.set(apiSecret, imported);
  return imported;
}

/** The default {@link HmacSha256}: WebCrypto, with the imported key cached per secret. */
async function webCryptoHmac(key: string, message: string): Promise<Uint8Array> {
  const cryptoKey = await importKey(key);
  return new Uint8Array(await subtleCrypto().sign('HMAC', cryptoKey, encoder.encode(message)));
}

function encodeSignature(bytes: unknown): string {
  // A wrong injected implementation must fail loudly, not produce URLs the gateway rejects with 401.
  if (!(bytes instanceof Uint8Array) || bytes.length !== 32) {
    throw new SparkConfigError('The hmac option must return the 32-byte HMAC-SHA256 as a Uint8Array.');
  }
  return encodeBase64(bytes);
}

// Printable ASCII: `btoa` of such a string equals base64 of its UTF-8 bytes, without encoding it first.
const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;

function base64OfText(text: string): string {
  return PRINTABLE_ASCII.test(text) ? btoa(text) : encodeBase64(encoder.encode(text));
}

function checkCredential(value: unknown, name: 'apiKey' | 'apiSecret', environment: string): string {
  if (typeof value !== 'string' || value.trim() === '') {
    throw new SparkConfigError(
      `Missing ${name}: pass a non-empty ${name} (environment variable ${environment}) from the iFlytek console.`,
    );
  }
  return value;
}

function parseSignableUrl(url: string | URL, method: string): URL {
  const get = method === 'GET';
  let parsed: URL | undefined;
  try {
    parsed = new URL(url);
  } catch {
    // reported below
  }
  if (!parsed?.hostname || !(get ? /^wss?:$/ : /^https?:$/).test(parsed.protocol)) {
    const hint = String(url).includes('(s)') ? ' Write ws:// or wss://, not the literal "ws(s)://".' : '';
    throw new SparkConfigError(
      `Cannot sign: the URL is not valid for ${method}. Expected ${
        get
          ? 'a ws:// or wss:// URL such as wss://spark-api.xf-yun.com/v3.5/chat (http(s):// only with a non-GET method)'
          : 'an http:// or https:// URL such as https://api.xf-yun.com/v1/private/s782b4996'
      }.${hint}`,
    );
  }
  return parsed;
}

/**
 * Signs a Spark URL: appends `authorization`, `date` and `host` query parameters (form encoding, space
 * as `+`). Sign immediately before dialling and again for every retry: the signature expires after
 * about 300 s.
 *
 * @param url - the endpoint, e.g. a model's `url` (after `withBaseURL`)
 * @param credentials - API key and API secret; neither ever appears in an error message
 * @param options - fixed `date` (tests, clock correction), the request-line `method`, an `hmac` implementation
 * @returns the signed URL; treat it as a secret until it expires
 * @throws SparkConfigError for a missing key or secret, or a URL that cannot be signed
 * @example
 * ```ts
 * const signed = await signUrl('wss://spark-api.xf-yun.com/v3.5/chat', {
 *   apiKey: process.env.SPARK_API_KEY!,
 *   apiSecret: process.env.SPARK_API_SECRET!,
 * });
 * ```
 */
export async function signUrl(
  url: string | URL,
  credentials: SparkCredentials,
  options: SignUrlOptions = {},
): Promise<string> {
  const apiKey = checkCredential(credentials?.apiKey, 'apiKey', 'SPARK_API_KEY');
  const apiSecret = checkCredential(credentials?.apiSecret, 'apiSecret', 'SPARK_API_SECRET');
  const method = (options.method ?? 'GET').toUpperCase();
  if (!/^[A-Z]+$/.test(method))
    throw new SparkConfigError('Cannot sign: `method` must be an HTTP method such as GET.');
  const date = options.date ?? new Date();
  if (!(date instanceof Date) || Number.isNaN(date.getTime())) {
    throw new SparkConfigError('Cannot sign: `date` must be a valid Date.');
  }

  const target = parseSignableUrl(url, method);
  const httpDate = date.toUTCString();
  const signatureOrigin = `host: ${target.host}\ndate: ${httpDate}\n${method} ${target.pathname} HTTP/1.1`;
  const hmac = options.hmac ?? webCryptoHmac;
  if (typeof hmac !== 'function') throw new SparkConfigError('Cannot sign: `hmac` must be a function.');
  const mac = hmac(apiSecret, signatureOrigin);
  // A synchronous HMAC (node:crypto) is used as is: awaiting it would only add a microtask hop.
  const signature = encodeSignature(
    typeof (mac as Partial<PromiseLike<unknown>>).then === 'function' ? await mac : mac,
  );
  const authorizationOrigin = `api_key="${apiKey}", algorithm="hmac-sha256", headers="host date request-line", signature="${signature}"`;

  const authorization = base64OfText(authorizationOrigin);
  const origin = `${target.protocol}//${target.host}${target.pathname}`;
  if (target.search === '') {
    // The usual case, built directly: the same bytes `URLSearchParams` would produce, for less work.
    return `${origin}?authorization=${formEncode(authorization)}&date=${formEncode(httpDate)}&host=${formEncode(target.host)}`;
  }
  const query = new URLSearchParams(target.search);
  query.set('authorization', authorization);
  query.set('date', httpDate);
  query.set('host', target.host);
  return `${origin}?${query.toString()}`;
}
