import { describe, expect, it } from 'vitest';
import {
  SparkAuthError,
  SparkClockSkewError,
  SparkConfigError,
  SparkConnectionError,
  SparkRateLimitError,
  SparkServerError,
} from '../../errors/error-classes';
import { signUrl } from '../../signing/sign-url';
import { errorFromHandshake } from './from-handshake';

describe('errorFromHandshake', () => {
  it('maps 401 to a non-retryable auth error quoting the gateway message', () => {
    const error = errorFromHandshake({ status: 401, body: '{"message":"HMAC signature does not match"}' });
    expect(error).toBeInstanceOf(SparkAuthError);
    expect(error.retryable).toBe(false);
    expect(error.status).toBe(401);
    expect(error.message).toContain('HMAC signature does not match');
  });

  it('maps 403 to a retryable clock-skew error with the server date', () => {
    const error = errorFromHandshake({
      status: 403,
      body: '{"message":"HMAC signature cannot be verified, a valid date or x-date header is required for HMAC Authentication"}',
      serverDate: 'Fri, 05 May 2023 10:43:39 GMT',
    });
    expect(error).toBeInstanceOf(SparkClockSkewError);
    expect(error.retryable).toBe(true);
    expect((error as SparkClockSkewError).serverDate).toBe('Fri, 05 May 2023 10:43:39 GMT');
  });

  it('maps 404 to a configuration error about the path', () => {
    const error = errorFromHandshake({ status: 404, body: 'not found' });
    expect(error).toBeInstanceOf(SparkConfigError);
    expect(error.message).toMatch(/path/);
  });

  it('maps 429 to a rate-limit error with the Retry-After delay, as over HTTP', () => {
    const error = errorFromHandshake({ status: 429, body: '{"message":"slow down"}', retryAfter: '3' });
    expect(error).toBeInstanceOf(SparkRateLimitError);
    expect(error.retryable).toBe(true);
    expect((error as SparkRateLimitError).retryAfterMs).toBe(3000);
    expect(error.message).toContain('slow down');
  });

  it.each([500, 502, 503])('maps %i to a retryable server error', (status) => {
    const error = errorFromHandshake({ status });
    expect(error).toBeInstanceOf(SparkServerError);
    expect(error.retryable).toBe(true);
  });

  it('maps another status to a non-retryable connection error', () => {
    const error = errorFromHandshake({ status: 400, body: '{"message":"bad"}' });
    expect(error).toBeInstanceOf(SparkConnectionError);
    expect(error.retryable).toBe(false);
  });

  it('explains the likely causes when nothing is known (browsers)', () => {
    const cause = new Event('error');
    const error = errorFromHandshake({ cause });
    expect(error).toBeInstanceOf(SparkConnectionError);
    expect(error.retryable).toBe(true);
    expect(error.cause).toBe(cause);
    expect(error.message).toMatch(/300 s/);
  });

  it('truncates a long non-JSON body', () => {
    const error = errorFromHandshake({ status: 401, body: 'x'.repeat(5000) });
    expect(error.message.length).toBeLessThan(600);
  });
});

describe('errorFromHandshake and credentials in the body', () => {
  it('removes the API key and signature the dialled URL carries, should the gateway quote them', async () => {
    const url = await signUrl('wss://spark-api.xf-yun.com/v1.1/chat', {
      apiKey: 'key-quoted-by-the-gateway-0123456789',
      apiSecret: 'secret-0123456789abcdef',
    });
    const signature = /signature="([^"]+)"/.exec(
      atob(decodeURIComponent(/authorization=([^&]+)/.exec(url)![1]!)),
    )![1]!;
    const error = errorFromHandshake({
      status: 401,
      body: JSON.stringify({
        message: `apikey key-quoted-by-the-gateway-0123456789 signature ${signature} rejected`,
      }),
      url,
    });
    expect(error.message).toContain('apikey [REDACTED] signature [REDACTED] rejected');
    expect(error.message).not.toContain('key-quoted-by-the-gateway');
    expect(error.message).not.toContain(signature);
  });

  it('removes a Bearer credential even without the URL', () => {
    const error = errorFromHandshake({
      status: 401,
      body: '{"message":"Bearer pw-0123456789abcdef is wrong"}',
    });
    expect(error.message).not.toContain('pw-0123456789abcdef');
  });
});
