import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { SparkConfigError, SparkConnectionError, SparkRateLimitError } from '../errors';
import { resolveModel } from '../models/models';
import { resolveSigner } from './resolve-signer';

const request = {
  url: 'wss://spark-api.xf-yun.com/v1.1/chat',
  model: resolveModel('lite'),
  attempt: 1,
  date: new Date('Fri, 05 May 2023 10:43:39 GMT'),
};

describe('resolveSigner', () => {
  it('signs with the credentials and the given date (official vector)', async () => {
    const sign = resolveSigner({
      apiKey: 'addd2272b6d8b7c8abdd79531420ca3b',
      apiSecret: 'MjlmNzkzNmZkMDQ2OTc0ZDdmNGE2ZTZi',
    });
    const signed = new URL(await sign(request));
    const authorization = atob(signed.searchParams.get('authorization')!);
    expect(authorization).toContain('signature="z5gHdu3pxVV4ADMyk467wOWDQ9q6BQzR3nfMTjc/DaQ="');
    expect(signed.searchParams.get('date')).toBe('Fri, 05 May 2023 10:43:39 GMT');
  });

  it('signs with an injected hmac, byte for byte like the default', async () => {
    const credentials = {
      apiKey: 'addd2272b6d8b7c8abdd79531420ca3b',
      apiSecret: 'MjlmNzkzNmZkMDQ2OTc0ZDdmNGE2ZTZi',
    };
    const calls: string[] = [];
    const injected = resolveSigner({
      ...credentials,
      hmac: (key, message) => {
        calls.push(message);
        return createHmac('sha256', key).update(message).digest();
      },
    });
    expect(await injected(request)).toBe(await resolveSigner(credentials)(request));
    expect(calls).toEqual([
      'host: spark-api.xf-yun.com\ndate: Fri, 05 May 2023 10:43:39 GMT\nGET /v1.1/chat HTTP/1.1',
    ]);
  });

  it('refuses an hmac with a provider (it would be ignored) and an hmac that is not a function', () => {
    const hmac = (key: string, message: string) => createHmac('sha256', key).update(message).digest();
    expect(() => resolveSigner({ signUrl: async ({ url }) => url, hmac })).toThrow(SparkConfigError);
    expect(() => resolveSigner({ apiKey: 'k', apiSecret: 's', hmac: 'sha256' as never })).toThrow(
      SparkConfigError,
    );
  });

  it('passes the request to a provider and checks its answer', async () => {
    const sign = resolveSigner({ signUrl: async ({ url, attempt }) => `${url}?attempt=${attempt}` });
    expect(await sign(request)).toBe(`${request.url}?attempt=1`);

    const broken = resolveSigner({ signUrl: async () => 42 as never });
    await expect(broken(request)).rejects.toThrow(SparkConfigError);
  });

  it('turns a provider failure into a retryable connection error, keeping SparkErrors', async () => {
    const failing = resolveSigner({
      signUrl: async () => {
        throw new TypeError('fetch failed');
      },
    });
    const error = await failing(request).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(SparkConnectionError);
    expect((error as SparkConnectionError).retryable).toBe(true);
    expect((error as Error).message).toContain('fetch failed');

    const limited = new SparkRateLimitError('slow down');
    const passing = resolveSigner({
      signUrl: async () => {
        throw limited;
      },
    });
    await expect(passing(request)).rejects.toBe(limited);
  });
});

describe('resolveSigner with credentials, many requests in one second', () => {
  it('computes the HMAC once per URL and second, and the URLs are the same as signed one by one', async () => {
    const credentials = {
      apiKey: 'addd2272b6d8b7c8abdd79531420ca3b',
      apiSecret: 'MjlmNzkzNmZkMDQ2OTc0ZDdmNGE2ZTZi',
    };
    let hmacCalls = 0;
    const sign = resolveSigner({
      ...credentials,
      hmac: (key, message) => {
        hmacCalls += 1;
        return createHmac('sha256', key).update(message).digest();
      },
    });
    const inOneSecond = await Promise.all(
      [0, 250, 999].map((ms) => sign({ ...request, date: new Date(request.date.getTime() + ms) })),
    );
    expect(hmacCalls).toBe(1);
    const fresh = await resolveSigner(credentials)(request);
    expect(inOneSecond).toEqual([fresh, fresh, fresh]);
    await sign({ ...request, date: new Date(request.date.getTime() + 1000) });
    expect(hmacCalls).toBe(2);
  });
});
