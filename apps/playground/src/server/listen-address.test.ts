import { describe, expect, it } from 'vitest';
import {
  checkHostHeader,
  displayUrl,
  isAllowedHostHeader,
  isLoopbackHost,
  listenAddressFromEnv,
  parseHostHeader,
} from './listen-address';

describe('listen address', () => {
  it('defaults to 127.0.0.1:5173 and honours PORT and HOST', () => {
    expect(listenAddressFromEnv({})).toEqual({ port: 5173, host: '127.0.0.1' });
    expect(listenAddressFromEnv({ PORT: '0', HOST: '0.0.0.0' })).toEqual({ port: 0, host: '0.0.0.0' });
  });

  it('rejects a malformed PORT', () => {
    expect(() => listenAddressFromEnv({ PORT: 'abc' })).toThrow(/PORT must be an integer/);
    expect(() => listenAddressFromEnv({ PORT: '70000' })).toThrow(/PORT/);
  });

  it('prints localhost for loopback binds', () => {
    expect(displayUrl('127.0.0.1', 5173)).toBe('http://localhost:5173');
    expect(displayUrl('192.168.1.5', 80)).toBe('http://192.168.1.5:80');
    expect(isLoopbackHost('::1')).toBe(true);
    expect(isLoopbackHost('0.0.0.0')).toBe(false);
  });

  it('answers only to loopback names when bound to loopback (DNS rebinding)', () => {
    expect(isAllowedHostHeader('localhost:5173', '127.0.0.1')).toBe(true);
    expect(isAllowedHostHeader('127.0.0.1:5173', '127.0.0.1')).toBe(true);
    expect(isAllowedHostHeader('[::1]:5173', '127.0.0.1')).toBe(true);
    expect(isAllowedHostHeader('evil.example:5173', '127.0.0.1')).toBe(false);
    expect(isAllowedHostHeader('127.0.0.1.evil.example', '127.0.0.1')).toBe(false);
    expect(isAllowedHostHeader(undefined, '127.0.0.1')).toBe(false);
    expect(isAllowedHostHeader('evil.example', '0.0.0.0')).toBe(true);
  });

  it('recognizes loopback however the address is spelled', () => {
    for (const host of [
      '127.0.0.1',
      '127.8.9.10',
      '::1',
      '[::1]',
      '0:0:0:0:0:0:0:1',
      '0000:0000:0000:0000:0000:0000:0000:0001',
      '::ffff:127.0.0.1',
      '::ffff:7f00:1',
      '[::ffff:127.0.0.1]',
      'localhost',
      'LOCALHOST',
      'localhost.',
    ]) {
      expect(isLoopbackHost(host), host).toBe(true);
    }
    for (const host of [
      '0.0.0.0',
      '::',
      '::ffff:10.0.0.1',
      '10.0.0.1',
      '128.0.0.1',
      'localhost.evil.example',
    ]) {
      expect(isLoopbackHost(host), host).toBe(false);
    }
  });

  it('guards every loopback spelling of HOST against foreign Host headers', () => {
    for (const bound of ['::ffff:127.0.0.1', '0:0:0:0:0:0:0:1', '::1', '127.0.0.2']) {
      expect(checkHostHeader('rebind.attacker.test', bound), bound).toBe('foreign');
      expect(checkHostHeader('rebind.attacker.test:5173', bound), bound).toBe('foreign');
      expect(checkHostHeader('localhost:5173', bound), bound).toBe('allowed');
      expect(checkHostHeader('[::ffff:127.0.0.1]:5173', bound), bound).toBe('allowed');
    }
  });

  it('refuses malformed Host headers on every bind', () => {
    for (const header of [
      'evil.com@localhost',
      'localhost/path',
      'local host',
      'localhost:99999',
      'localhost:',
      '[::1',
      '[not-ip]:80',
      '',
      undefined,
    ]) {
      expect(parseHostHeader(header), String(header)).toBeUndefined();
      expect(checkHostHeader(header, '127.0.0.1'), String(header)).toBe('malformed');
      expect(checkHostHeader(header, '0.0.0.0'), String(header)).toBe('malformed');
    }
    expect(parseHostHeader('[::1]:5173')).toBe('[::1]');
    expect(parseHostHeader('example.com')).toBe('example.com');
  });
});
