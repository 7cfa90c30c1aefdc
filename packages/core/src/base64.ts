/**
 * Standard (RFC 4648, padded) base64 of bytes. A dozen lines instead of `Buffer` (Node only) or
 * `window.btoa` (missing in workers) keeps signing identical on every runtime.
 */
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** Encodes bytes as padded standard base64. */
export function encodeBase64(bytes: Uint8Array): string {
  let output = '';
  let index = 0;
  for (; index + 2 < bytes.length; index += 3) {
    const chunk = (bytes[index]! << 16) | (bytes[index + 1]! << 8) | bytes[index + 2]!;
    output +=
      ALPHABET[chunk >> 18]! +
      ALPHABET[(chunk >> 12) & 63]! +
      ALPHABET[(chunk >> 6) & 63]! +
      ALPHABET[chunk & 63]!;
  }
  const remaining = bytes.length - index;
  if (remaining === 1) {
    const chunk = bytes[index]! << 16;
    output += `${ALPHABET[chunk >> 18]!}${ALPHABET[(chunk >> 12) & 63]!}==`;
  } else if (remaining === 2) {
    const chunk = (bytes[index]! << 16) | (bytes[index + 1]! << 8);
    output += `${ALPHABET[chunk >> 18]!}${ALPHABET[(chunk >> 12) & 63]!}${ALPHABET[(chunk >> 6) & 63]!}=`;
  }
  return output;
}
