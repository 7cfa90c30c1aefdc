import { describe, expect, it } from 'vitest';
import { addressKey, defaultClientKey, trustedHeaderClientKey } from './client-key';

describe('addressKey', () => {
  it('keeps IPv4 addresses and unwraps IPv4-mapped IPv6', () => {
    expect(addressKey('203.0.113.7')).toBe('203.0.113.7');
    expect(addressKey('::ffff:203.0.113.7')).toBe('203.0.113.7');
    expect(addressKey('::FFFF:203.0.113.7')).toBe('203.0.113.7');
  });

  it('groups IPv6 addresses by their /64 prefix, however they are spelled', () => {
    const key = '2001:db8:85a3:42::/64';
    for (const address of [
      '2001:db8:85a3:42::1',
      '2001:0db8:85a3:0042:ffff:ffff:ffff:ffff',
      '[2001:db8:85a3:42:1:2:3:4]',
      '2001:db8:85a3:42::7%eth0',
      '2001:db8:85a3:42::192.0.2.1',
    ]) {
      expect(addressKey(address), address).toBe(key);
    }
    expect(addressKey('2001:db8:85a3:43::1')).toBe('2001:db8:85a3:43::/64');
    expect(addressKey('::1')).toBe('0:0:0:0::/64');
  });

  it('keeps anything else as written, cut to a bounded length', () => {
    expect(addressKey('not-an-address')).toBe('not-an-address');
    expect(addressKey('1:2:3')).toBe('1:2:3');
    expect(addressKey('1::2::3')).toBe('1::2::3');
    expect(addressKey('x'.repeat(10_000))).toHaveLength(64);
  });
});

describe('client keys', () => {
  const request = (headers: Record<string, string>) => new Request('http://localhost/', { headers });

  it('default: the peer address, else one shared key; never a header', () => {
    const forged = request({ 'x-forwarded-for': '192.0.2.1', 'cf-connecting-ip': '192.0.2.2' });
    expect(defaultClientKey(forged, { remoteAddress: '2001:db8::5' })).toBe('2001:db8:0:0::/64');
    expect(defaultClientKey(forged, {})).toBe(defaultClientKey(request({}), {}));
  });

  it('trusted headers: the first present, the right-most X-Forwarded-For entry, else the peer', () => {
    const key = trustedHeaderClientKey(['x-forwarded-for', 'x-real-ip']);
    expect(
      key(request({ 'x-forwarded-for': '192.0.2.9, 203.0.113.7 ', 'x-real-ip': '198.51.100.1' }), {}),
    ).toBe('203.0.113.7');
    expect(key(request({ 'x-real-ip': '198.51.100.1' }), {})).toBe('198.51.100.1');
    expect(key(request({ 'x-forwarded-for': ' , ' }), { remoteAddress: '10.0.0.1' })).toBe('10.0.0.1');
  });
});
