/** The parameters of a decoded `authorization` value. */
export interface AuthorizationParameters {
  apiKey: string;
  algorithm: string;
  headers: string;
  signature: string;
}

const PARAMETER = /([a-zA-Z_]+)\s*=\s*"([^"]*)"/g;

/**
 * Decodes the base64 `authorization` query value into its parameters, or `undefined` when it is not
 * base64 or lacks a parameter. Like the gateway it tolerates extra whitespace between parameters (the
 * official Python SDK sends some) and the Kong spelling `hmac username="…"` for the key.
 */
export function parseAuthorization(authorization: string): AuthorizationParameters | undefined {
  const decoded = decodeBase64(authorization);
  if (decoded === undefined) return undefined;
  const values = new Map<string, string>();
  for (const match of decoded.replace(/^hmac\s+/i, '').matchAll(PARAMETER)) {
    values.set(match[1]!.toLowerCase(), match[2]!);
  }
  const apiKey = values.get('api_key') ?? values.get('username');
  const signature = values.get('signature');
  if (apiKey === undefined || signature === undefined) return undefined;
  return {
    apiKey,
    algorithm: values.get('algorithm') ?? '',
    headers: values.get('headers') ?? '',
    signature,
  };
}

function decodeBase64(value: string): string | undefined {
  // Form decoding turns a raw `+` into a space; base64 has no spaces, so put it back.
  const normalized = value.trim().replace(/ /g, '+');
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(normalized)) return undefined;
  try {
    const binary = atob(normalized);
    const bytes = Uint8Array.from(binary, (character) => character.charCodeAt(0));
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
}
