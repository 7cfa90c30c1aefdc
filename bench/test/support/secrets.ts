/**
 * Finds secrets in text: the API key, the API secret and any signed-URL authorization value, raw,
 * URL-encoded or base64-decoded.
 */

/** Base64 of `api_key="`: the start of every encoded authorization value. */
const ENCODED_AUTHORIZATION_PREFIX = 'YXBpX2tleT0i';

/** The secrets a test knows about. */
export interface KnownSecrets {
  apiKey: string;
  apiSecret: string;
  /** Authorization values of URLs signed during the test. */
  authorizations?: readonly string[];
  /** Other whole secrets, e.g. the HTTP APIPassword. */
  others?: readonly string[];
}

/** Returns the names of the secrets `text` contains (empty when it is clean). */
export function findSecrets(text: string, secrets: KnownSecrets): string[] {
  const found: string[] = [];
  const decoded = safeDecode(text);
  for (const candidate of [text, decoded]) {
    if (candidate.includes(secrets.apiKey)) found.push('apiKey');
    if (candidate.includes(secrets.apiSecret)) found.push('apiSecret');
    if (secrets.others?.some((secret) => candidate.includes(secret))) found.push('other secret');
    if (candidate.includes(ENCODED_AUTHORIZATION_PREFIX)) found.push('encoded authorization');
    if (/authorization=(?!\[REDACTED\])[^&\s"]{8,}/i.test(candidate)) found.push('authorization parameter');
    if (/signature="(?!\[REDACTED\])[^"]+"/i.test(candidate)) found.push('signature');
    for (const authorization of secrets.authorizations ?? []) {
      // A fragment of 24 characters is as good as the whole value to anyone holding the rest of the URL.
      if (authorization.length >= 24 && candidate.includes(authorization.slice(12, 36)))
        found.push('signed URL');
    }
  }
  return [...new Set(found)];
}

/**
 * Every text an error shows when logged: message, `toString()`, stack, its `toJSON()` form when it has
 * one, and the same for its causes.
 */
export function errorTexts(error: unknown, depth = 0): string[] {
  if (depth > 5 || error === null || error === undefined) return [];
  if (typeof error !== 'object') return [String(error)];
  const texts: string[] = [];
  const record = error as { message?: unknown; stack?: unknown; toJSON?: () => unknown; cause?: unknown };
  if (typeof record.message === 'string') texts.push(record.message);
  if (typeof record.stack === 'string') texts.push(record.stack);
  texts.push(String(error));
  if (typeof record.toJSON === 'function') texts.push(JSON.stringify(record.toJSON()) ?? '');
  return [...texts, ...errorTexts(record.cause, depth + 1)];
}

/** The `authorization` query value of a signed URL, or `undefined`. */
export function authorizationOf(url: string): string | undefined {
  try {
    return new URL(url).searchParams.get('authorization') ?? undefined;
  } catch {
    return undefined;
  }
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
