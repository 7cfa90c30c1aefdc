/**
 * Computes base64(HMAC-SHA256(secret, message)). The Node server passes a `node:crypto` version and the
 * msw face a WebCrypto one, so the verifier itself stays platform-neutral.
 */
export type HmacSha256Base64 = (secret: string, message: string) => string | Promise<string>;
