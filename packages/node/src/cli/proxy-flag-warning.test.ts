import { describe, expect, it } from 'vitest';
import { PROXY_PASSWORD_WARNING, proxyHasPassword } from './proxy-flag-warning';

describe('proxyHasPassword', () => {
  it('is true only for a URL that carries a password', () => {
    expect(proxyHasPassword('http://carol:pa55word@proxy.test:3128')).toBe(true);
    expect(proxyHasPassword('http://carol@proxy.test:3128')).toBe(false);
    expect(proxyHasPassword('http://proxy.test:3128')).toBe(false);
    expect(proxyHasPassword('not a url')).toBe(false);
    expect(proxyHasPassword(undefined)).toBe(false);
  });

  it('recommends the environment variable in a warning that names no value', () => {
    expect(PROXY_PASSWORD_WARNING).toContain('HTTPS_PROXY');
    expect(PROXY_PASSWORD_WARNING).toContain('ps');
  });
});
