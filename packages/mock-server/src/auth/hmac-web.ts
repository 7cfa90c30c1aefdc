import type { HmacSha256Base64 } from './hmac.js';

const encoder = new TextEncoder();
const keys = new Map<string, Promise<CryptoKey>>();

/** HMAC-SHA256 with WebCrypto (browsers, Node ≥ 20, edge runtimes), base64 encoded. Keys are cached per secret. */
export const webHmacSha256Base64: HmacSha256Base64 = async (secret, message) => {
  let key = keys.get(secret);
  if (key === undefined) {
    key = crypto.subtle.importKey('raw', encoder.encode(secret), { name: 'HMAC', hash: 'SHA-256' }, false, [
      'sign',
    ]);
    keys.set(secret, key);
  }
  const signature = new Uint8Array(await crypto.subtle.sign('HMAC', await key, encoder.encode(message)));
  let binary = '';
  for (const byte of signature) binary += String.fromCharCode(byte);
  return btoa(binary);
};
