import { createHmac } from 'node:crypto';
import type { HmacSha256Base64 } from './hmac.js';

/** HMAC-SHA256 with `node:crypto`, base64 encoded. */
export const nodeHmacSha256Base64: HmacSha256Base64 = (secret, message) =>
  createHmac('sha256', secret).update(message, 'utf8').digest('base64');
