import { describe, expect, it } from 'vitest';
import { SparkConfigError } from '../../errors/error-classes';
import { withHttpBaseURL } from './http-base-url';

const V1 = 'https://spark-api-open.xf-yun.com/v1/chat/completions';

describe('withHttpBaseURL', () => {
  it('replaces scheme, host and port and keeps the path', () => {
    expect(withHttpBaseURL(V1, 'http://127.0.0.1:8787')).toBe('http://127.0.0.1:8787/v1/chat/completions');
    expect(withHttpBaseURL(V1, 'wss://gateway.example.com/spark/')).toBe(
      'https://gateway.example.com/spark/v1/chat/completions',
    );
    expect(withHttpBaseURL(V1, 'ws://127.0.0.1:1')).toBe('http://127.0.0.1:1/v1/chat/completions');
    expect(withHttpBaseURL(V1)).toBe(V1);
  });

  it('refuses a base URL that is not one', () => {
    expect(() => withHttpBaseURL(V1, 'ftp://x')).toThrow(SparkConfigError);
    expect(() => withHttpBaseURL(V1, 'not a url')).toThrow(SparkConfigError);
  });
});
