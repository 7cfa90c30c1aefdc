import { describe, expect, it } from 'vitest';
import {
  SparkAuthError,
  SparkConfigError,
  SparkInvalidRequestError,
  SparkPermissionError,
  SparkQuotaError,
  SparkRateLimitError,
  SparkServerError,
} from '../../errors/error-classes';
import { retryAfterMs } from '../retry-after';
import { errorFromResponse } from './error-from-response';

describe('errorFromResponse', () => {
  it('maps both gateway 401 bodies to an auth error naming the credential variables', () => {
    const gateway = errorFromResponse({
      status: 401,
      body: `{"message":"HMAC signature cannot be verified:enforced header 'host' not used for signature creation"}`,
    });
    const openAiStyle = errorFromResponse({
      status: 401,
      body: '{"error":{"message":"invalid user","type":"api_error","param":null,"code":null}}',
    });
    for (const error of [gateway, openAiStyle]) {
      expect(error).toBeInstanceOf(SparkAuthError);
      expect(error.message).toContain('SPARK_API_PASSWORD');
      expect(error).toMatchObject({ status: 401, retryable: false });
    }
    expect(openAiStyle.message).toContain('invalid user');
  });

  it('maps a business error by its Spark code, also on HTTP 200', () => {
    const error = errorFromResponse({
      status: 200,
      body: '{"code":11201,"message":"daily limit","sid":"cha2"}',
    });
    expect(error).toBeInstanceOf(SparkQuotaError);
    expect(error).toMatchObject({ sparkCode: 11201, sid: 'cha2' });
    expect(
      errorFromResponse({ status: 200, body: '{"code":11210,"msg":"NotEnoughCvError","Sid":"x"}' }),
    ).toMatchObject({
      sparkCode: 11210,
      sid: 'x',
    });
  });

  it('reads 429 Retry-After as seconds or an HTTP date', () => {
    const seconds = errorFromResponse({ status: 429, body: '', retryAfter: '3' });
    expect(seconds).toBeInstanceOf(SparkRateLimitError);
    expect(seconds).toMatchObject({ retryable: true, retryAfterMs: 3000 });
    const now = Date.parse('Thu, 03 Dec 2026 10:00:00 GMT');
    expect(retryAfterMs('Thu, 03 Dec 2026 10:00:05 GMT', now)).toBe(5000);
    expect(retryAfterMs('soon', now)).toBeUndefined();
    expect(retryAfterMs('3600', now)).toBe(60_000);
  });

  it('maps 403, 404, other 4xx and 5xx', () => {
    expect(errorFromResponse({ status: 403, body: '{"message":"forbidden"}' })).toBeInstanceOf(
      SparkPermissionError,
    );
    expect(errorFromResponse({ status: 404, body: '' })).toBeInstanceOf(SparkConfigError);
    expect(
      errorFromResponse({ status: 400, body: '{"error":{"message":"bad temperature"}}' }),
    ).toBeInstanceOf(SparkInvalidRequestError);
    const server = errorFromResponse({ status: 502, body: '<html>bad gateway</html>' });
    expect(server).toBeInstanceOf(SparkServerError);
    expect(server.retryable).toBe(true);
  });
});
