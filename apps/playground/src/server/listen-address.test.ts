import { describe, expect, it } from 'vitest';
import { displayUrl, isAllowedHostHeader, isLoopbackHost, listenAddressFromEnv } from './listen-address';

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
});
