import { describe, expect, it } from 'vitest';
import { proxyFromEnv } from './proxy-from-env';

const SPARK = new URL('wss://spark-api.xf-yun.com/v3.5/chat');
const PLAIN = new URL('ws://mock.example:8787/v1.1/chat');

describe('proxyFromEnv', () => {
  it('uses HTTPS_PROXY for wss:// and HTTP_PROXY for ws://, falling back to ALL_PROXY', () => {
    const resolve = proxyFromEnv({ HTTPS_PROXY: 'http://secure:1', HTTP_PROXY: 'http://plain:2' });
    expect(resolve(SPARK)).toBe('http://secure:1');
    expect(resolve(PLAIN)).toBe('http://plain:2');
    expect(proxyFromEnv({ ALL_PROXY: 'http://all:3' })(SPARK)).toBe('http://all:3');
    expect(proxyFromEnv({ HTTP_PROXY: 'http://plain:2' })(SPARK)).toBeUndefined();
  });

  it('prefers the lower-case variable, ignores empty ones and reads none without any', () => {
    expect(proxyFromEnv({ https_proxy: 'http://lower:1', HTTPS_PROXY: 'http://upper:2' })(SPARK)).toBe(
      'http://lower:1',
    );
    expect(proxyFromEnv({ https_proxy: '', HTTPS_PROXY: 'http://upper:2' })(SPARK)).toBe('http://upper:2');
    expect(proxyFromEnv({})(SPARK)).toBeUndefined();
  });

  it('reads a value without a scheme as an http:// proxy', () => {
    expect(proxyFromEnv({ HTTPS_PROXY: 'proxy.corp:3128' })(SPARK)).toBe('http://proxy.corp:3128');
  });

  it('reaches NO_PROXY hosts directly: exact names, subdomains, ports and *', () => {
    const env = { HTTPS_PROXY: 'http://p:1', HTTP_PROXY: 'http://p:1' };
    const through = (noProxy: string, target: URL) => proxyFromEnv({ ...env, NO_PROXY: noProxy })(target);
    expect(through('xf-yun.com', SPARK)).toBeUndefined();
    expect(through('.xf-yun.com', SPARK)).toBeUndefined();
    expect(through('*.xf-yun.com', SPARK)).toBeUndefined();
    expect(through('other.com, spark-api.xf-yun.com', SPARK)).toBeUndefined();
    expect(through('spark-api.xf-yun.com:443', SPARK)).toBeUndefined();
    expect(through('*', SPARK)).toBeUndefined();
    expect(through('mock.example:8787', PLAIN)).toBeUndefined();

    expect(through('spark-api.xf-yun.com:8443', SPARK)).toBe('http://p:1');
    expect(through('yun.com', SPARK)).toBe('http://p:1');
    expect(through('.spark-api.xf-yun.com', SPARK)).toBe('http://p:1');
    expect(through('mock.example:80', PLAIN)).toBe('http://p:1');
  });

  it('never proxies loopback hosts', () => {
    const resolve = proxyFromEnv({ HTTP_PROXY: 'http://p:1', HTTPS_PROXY: 'http://p:1' });
    for (const url of [
      'ws://127.0.0.1:8787/',
      'ws://localhost:1/',
      'wss://app.localhost/',
      'ws://[::1]:9/',
    ]) {
      expect(resolve(new URL(url))).toBeUndefined();
    }
    expect(resolve(new URL('ws://10.0.0.1:8787/'))).toBe('http://p:1');
  });
});
