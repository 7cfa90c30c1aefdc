import { describe, expect, it } from 'vitest';
import { SparkConfigError } from '../../errors/error-classes';
import { withBaseURL } from './base-url';

describe('withBaseURL', () => {
  it('returns the URL unchanged without a base URL', () => {
    expect(withBaseURL('wss://spark-api.xf-yun.com/v3.5/chat')).toBe('wss://spark-api.xf-yun.com/v3.5/chat');
    expect(withBaseURL('wss://spark-api.xf-yun.com/v3.5/chat', '')).toBe(
      'wss://spark-api.xf-yun.com/v3.5/chat',
    );
  });

  it('replaces scheme, host and port and keeps the path', () => {
    expect(withBaseURL('wss://spark-api.xf-yun.com/chat/pro-128k', 'ws://127.0.0.1:8787')).toBe(
      'ws://127.0.0.1:8787/chat/pro-128k',
    );
    expect(withBaseURL('ws://127.0.0.1:8787/v3.5/chat', 'wss://spark-api.xf-yun.com')).toBe(
      'wss://spark-api.xf-yun.com/v3.5/chat',
    );
  });

  it('turns http and https into ws and wss', () => {
    expect(withBaseURL('wss://spark-api.xf-yun.com/v1/x1', 'http://localhost:3000')).toBe(
      'ws://localhost:3000/v1/x1',
    );
    expect(withBaseURL('wss://spark-api.xf-yun.com/v1/x1', 'https://proxy.example.com')).toBe(
      'wss://proxy.example.com/v1/x1',
    );
  });

  it('puts a base path in front of the model path', () => {
    expect(withBaseURL('wss://spark-api.xf-yun.com/v3.5/chat', 'https://proxy.example.com/spark/')).toBe(
      'wss://proxy.example.com/spark/v3.5/chat',
    );
  });

  it('keeps the query of the model URL', () => {
    expect(withBaseURL('wss://a.example/v3.5/chat?x=1', 'ws://127.0.0.1:1')).toBe(
      'ws://127.0.0.1:1/v3.5/chat?x=1',
    );
  });

  it.each([
    ['an unparsable base', 'not a url'],
    ['the literal ws(s)://', 'ws(s)://127.0.0.1:8787'],
    ['another scheme', 'ftp://example.com'],
  ])('rejects %s with a SparkConfigError', (_, baseURL) => {
    expect(() => withBaseURL('wss://spark-api.xf-yun.com/v3.5/chat', baseURL)).toThrow(SparkConfigError);
  });

  it('rejects an unparsable model URL', () => {
    expect(() => withBaseURL('nope', 'ws://127.0.0.1:1')).toThrow(SparkConfigError);
  });
});
