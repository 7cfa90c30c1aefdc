import { describe, expect, it } from 'vitest';
import { parseAuthorization } from './parse-authorization.js';

const encode = (text: string) => Buffer.from(text).toString('base64');

describe('parseAuthorization', () => {
  it('reads the documented parameters', () => {
    const value = encode(
      'api_key="k", algorithm="hmac-sha256", headers="host date request-line", signature="s+/="',
    );
    expect(parseAuthorization(value)).toEqual({
      apiKey: 'k',
      algorithm: 'hmac-sha256',
      headers: 'host date request-line',
      signature: 's+/=',
    });
  });

  it('tolerates the Python SDK whitespace and the Kong `hmac username=` spelling', () => {
    expect(
      parseAuthorization(encode('api_key="k",         algorithm="hmac-sha256",   signature="s"'))?.apiKey,
    ).toBe('k');
    expect(
      parseAuthorization(encode('hmac username="u", algorithm="hmac-sha256", signature="s"'))?.apiKey,
    ).toBe('u');
  });

  it('restores a + that form decoding turned into a space', () => {
    const value = encode('api_key="k>>", algorithm="hmac-sha256", signature="s"');
    expect(value).toContain('+');
    expect(parseAuthorization(value.replace(/\+/g, ' '))?.apiKey).toBe('k>>');
  });

  it.each([
    ['not base64 at all!'],
    [encode('api_key="k"')],
    [encode('signature="s"')],
    [encode('\u0000garbage')],
  ])('returns undefined for %j', (value) => {
    expect(parseAuthorization(value)).toBeUndefined();
  });
});
