import { createHash, createHmac } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hmacSha256, portableHmacSha256Base64, sha256 } from './hmac-portable.js';

describe('portable SHA-256 and HMAC-SHA256', () => {
  it('matches the FIPS 180-4 examples', () => {
    const hex = (bytes: Uint8Array) => Buffer.from(bytes).toString('hex');
    expect(hex(sha256(new TextEncoder().encode('abc')))).toBe(
      'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
    );
    expect(hex(sha256(new Uint8Array()))).toBe(
      'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
    );
  });

  it('matches node:crypto for any message length, including block boundaries', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (message) => {
        expect(Buffer.from(sha256(message)).toString('hex')).toBe(
          createHash('sha256').update(message).digest('hex'),
        );
      }),
      { numRuns: 300 },
    );
  });

  it('matches node:crypto HMAC for any key (short, block-sized, longer than a block) and message', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 130 }), fc.uint8Array({ maxLength: 200 }), (key, message) => {
        expect(Buffer.from(hmacSha256(key, message)).toString('hex')).toBe(
          createHmac('sha256', key).update(message).digest('hex'),
        );
      }),
      { numRuns: 300 },
    );
  });

  it('reproduces the official signing vector as base64', () => {
    const origin = 'host: spark-api.xf-yun.com\ndate: Fri, 05 May 2023 10:43:39 GMT\nGET /v1.1/chat HTTP/1.1';
    expect(portableHmacSha256Base64('MjlmNzkzNmZkMDQ2OTc0ZDdmNGE2ZTZi', origin)).toBe(
      'z5gHdu3pxVV4ADMyk467wOWDQ9q6BQzR3nfMTjc/DaQ=',
    );
  });

  it('encodes secrets and messages as UTF-8 like node:crypto', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), fc.string({ unit: 'grapheme' }), (secret, message) => {
        expect(portableHmacSha256Base64(secret, message)).toBe(
          createHmac('sha256', secret).update(message, 'utf8').digest('base64'),
        );
      }),
      { numRuns: 200 },
    );
  });
});
