/**
 * Standard (RFC 4648, padded) base64 of bytes through `btoa`, which every supported runtime has as a
 * global (Node ≥ 16, browsers, web workers, Deno, Bun, edge workers); `Buffer` would be Node only.
 */
export function encodeBase64(bytes: Uint8Array): string {
  // One `fromCharCode` call per chunk instead of one string concatenation per byte; chunks stay far
  // below the engines' argument-count limits.
  let binary = '';
  for (let start = 0; start < bytes.length; start += 4096) {
    binary += String.fromCharCode.apply(null, bytes.subarray(start, start + 4096) as unknown as number[]);
  }
  return btoa(binary);
}
