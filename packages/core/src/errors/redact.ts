/**
 * Secret scrubbing for everything that leaves the SDK as text: error messages, `toString()`, logs.
 *
 * A signed Spark URL carries `authorization=<base64 of api_key="…", signature="…">`. Whoever holds it can
 * call Spark for up to five minutes, so it is treated like a secret, and so is its decoded form.
 */

const AUTHORIZATION_PARAMETER = /(authorization=)[^&\s"'<>]+/gi;
// base64('api_key="') is "YXBpX2tleT0i"; any run starting with it is an encoded authorization value.
const ENCODED_AUTHORIZATION = /YXBpX2tleT0i[A-Za-z0-9+/=%]*/g;
const DECODED_AUTHORIZATION = /(api_key=")[^"]*(")|(signature=")[^"]*(")/gi;
// An HTTP `Authorization: Bearer <APIPassword or key:secret>` value, wherever it was echoed.
const BEARER_CREDENTIAL = /(Bearer\s+)[^\s"'<>,;]+/gi;

/** The text that replaces a secret. */
export const REDACTED = '[REDACTED]';

/**
 * Returns `text` with signed-URL authorization values and every listed secret replaced by `[REDACTED]`.
 *
 * @param text - any text that may end up in a message or a log line
 * @param secrets - extra literal values to remove (API key, API secret); empty strings are ignored
 */
export function redactSecrets(text: string, secrets: readonly (string | undefined)[] = []): string {
  let result = text
    .replace(AUTHORIZATION_PARAMETER, `$1${REDACTED}`)
    .replace(ENCODED_AUTHORIZATION, REDACTED)
    .replace(BEARER_CREDENTIAL, `$1${REDACTED}`)
    .replace(DECODED_AUTHORIZATION, (_match, keyOpen, keyClose, signatureOpen, signatureClose) =>
      keyOpen ? `${keyOpen}${REDACTED}${keyClose}` : `${signatureOpen}${REDACTED}${signatureClose}`,
    );
  for (const secret of secrets) {
    // Very short values would shred ordinary words; real keys and secrets are 32 characters.
    if (secret && secret.length >= 8) result = result.split(secret).join(REDACTED);
  }
  return result;
}

/** Returns `url` with its `authorization` query value redacted; safe to log or show in a UI. */
export function redactUrl(url: string): string {
  return redactSecrets(url);
}

/**
 * The values a signed URL carries that must never be echoed back: the API key and the signature inside
 * its `authorization` parameter. A server may quote the key in an error body; knowing the URL that was
 * dialled is enough to remove it (the secret itself never leaves the client).
 */
export function secretsOfSignedUrl(url: string): string[] {
  const encoded = /[?&]authorization=([^&#]+)/i.exec(url)?.[1];
  if (encoded === undefined) return [];
  let decoded: string;
  try {
    decoded = atob(decodeURIComponent(encoded));
  } catch {
    return [];
  }
  return [...decoded.matchAll(/(?:api_key|signature)="([^"]+)"/g)].map((match) => match[1] as string);
}
