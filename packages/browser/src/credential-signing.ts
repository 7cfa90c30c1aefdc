/**
 * Loaded on demand, only by a client created with `dangerouslyAllowBrowser` and credentials, so the
 * HMAC signer stays out of the bundle of apps that sign on their server.
 */
export { signUrl } from '@xinghuo/core';
