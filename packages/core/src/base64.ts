/**
 * Standard (RFC 4648, padded) base64 of bytes through `btoa`, which every supported runtime has as a
 * global (Node ≥ 16, browsers, web workers, Deno, Bun, edge workers); `Buffer` would be Node only.
 */
export function encodeBase64(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
}
