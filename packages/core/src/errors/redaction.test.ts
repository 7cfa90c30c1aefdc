import { beforeAll, describe, expect, it } from 'vitest';
import { resolveModel } from '../models/models';
import { withBaseURL } from '../protocol/websocket/base-url';
import { errorFromHandshake } from '../protocol/websocket/from-handshake';
import { errorFromSparkCode } from '../protocol/websocket/from-spark-code';
import { signUrl } from '../signing/sign-url';
import {
  SparkAbortError,
  SparkAuthError,
  SparkClockSkewError,
  SparkConfigError,
  SparkConnectionError,
  SparkContentFilterError,
  SparkContextLengthError,
  SparkInvalidRequestError,
  SparkPermissionError,
  SparkProtocolError,
  SparkQuotaError,
  SparkRateLimitError,
  SparkServerError,
  SparkTimeoutError,
} from './error-classes';
import { REDACTED, redactSecrets, redactUrl } from './redact';
import { SparkError } from './spark-error';

const apiKey = '7d3f9c1a2b4e6f8091a2b3c4d5e6f7a8';
const apiSecret = 'ZmFrZVNlY3JldEZvclRlc3RzT25seTEy';
const DOCUMENTED_CODES = [
  10000, 10001, 10002, 10003, 10004, 10005, 10006, 10007, 10008, 10009, 10010, 10011, 10012, 10013, 10014,
  10015, 10016, 10017, 10019, 10021, 10110, 10163, 10222, 10907, 11200, 11201, 11202, 11203,
];
const UNKNOWN_CODES = [1, 10299, 11210, 99999];

let signedUrl: string;
let authorization: string;
let signature: string;
let leakyTexts: string[];

beforeAll(async () => {
  signedUrl = await signUrl('wss://spark-api.xf-yun.com/v3.5/chat', { apiKey, apiSecret });
  authorization = new URL(signedUrl).searchParams.get('authorization')!;
  const decoded = atob(authorization);
  signature = /signature="([^"]+)"/.exec(decoded)![1]!;
  // The ways a signed URL ends up echoed: raw, percent-decoded, in a JSON body, decoded authorization.
  leakyTexts = [
    `failed to connect to ${signedUrl}`,
    `GET ${decodeURIComponent(signedUrl)}`,
    JSON.stringify({ message: `bad request ${signedUrl}` }),
    `authorization header was: ${decoded}`,
    `${signedUrl.slice(0, 40)} then ${authorization}`,
  ];
});

/** Everything an error can turn into text. */
function renderings(error: SparkError): string[] {
  return [
    error.message,
    error.toString(),
    String(error),
    JSON.stringify(error),
    String(error.stack).split('\n')[0]!,
  ];
}

function expectClean(error: SparkError): void {
  for (const text of renderings(error)) {
    expect(text).not.toContain(apiKey);
    expect(text).not.toContain(apiSecret);
    expect(text).not.toContain(authorization);
    expect(text).not.toContain(signature);
    expect(text).not.toContain(encodeURIComponent(signature));
  }
}

describe('no secret in any error', () => {
  it('survives errorFromSparkCode for every documented and some unknown codes', () => {
    let count = 0;
    for (const code of [...DOCUMENTED_CODES, ...UNKNOWN_CODES]) {
      for (const text of leakyTexts) {
        const error = errorFromSparkCode(code, text, 'cht000b5e72@dx18b988c77afb81b540', text);
        expectClean(error);
        expect(error.sparkCode).toBe(code);
        count++;
      }
    }
    expect(count).toBe((DOCUMENTED_CODES.length + UNKNOWN_CODES.length) * leakyTexts.length);
  });

  it.each([401, 403, 404, 429, 500, 502, 418, undefined])(
    'survives errorFromHandshake with status %s',
    (status) => {
      for (const text of leakyTexts) {
        for (const body of [text, JSON.stringify({ message: text }), `<html>${text}</html>`]) {
          const error = errorFromHandshake({
            status,
            body,
            serverDate: 'Fri, 05 May 2023 10:43:39 GMT',
            cause: new Error(text),
          });
          expectClean(error);
        }
      }
    },
  );

  it('survives every subclass constructor given a message with the signed URL', () => {
    for (const text of leakyTexts) {
      const options = { cause: new Error(text), sid: 'sid-1' };
      const errors: SparkError[] = [
        new SparkConfigError(text, options),
        new SparkInvalidRequestError(text, { ...options, field: 'messages' }),
        new SparkAuthError(text, options),
        new SparkClockSkewError(text, { ...options, serverDate: 'Fri, 05 May 2023 10:43:39 GMT' }),
        new SparkPermissionError(text, options),
        new SparkQuotaError(text, options),
        new SparkRateLimitError(text, options),
        new SparkContentFilterError(text, { ...options, stage: 'output' }),
        new SparkContextLengthError(text, options),
        new SparkServerError(text, options),
        new SparkConnectionError(text, options),
        new SparkTimeoutError(text, { ...options, phase: 'idle', timeoutMs: 1000 }),
        new SparkAbortError(text, options),
        new SparkProtocolError(text, options),
      ];
      expect(errors).toHaveLength(14);
      for (const error of errors) expectClean(error);
    }
  });

  it('survives the signing and configuration errors', async () => {
    const failures: unknown[] = [];
    const capture = async (run: () => unknown) => {
      try {
        await run();
      } catch (error) {
        failures.push(error);
      }
    };
    await capture(() => signUrl('wss://spark-api.xf-yun.com/v3.5/chat', { apiKey, apiSecret: '' }));
    await capture(() => signUrl('wss://spark-api.xf-yun.com/v3.5/chat', { apiKey: '', apiSecret }));
    await capture(() => signUrl(signedUrl.replace('wss:', 'http:'), { apiKey, apiSecret }));
    await capture(() => signUrl(signedUrl.replace('wss:', 'ws(s):'), { apiKey, apiSecret }));
    await capture(() => signUrl(signedUrl, { apiKey, apiSecret }, { method: 'POST' }));
    await capture(() => signUrl(signedUrl, { apiKey, apiSecret }, { date: new Date(Number.NaN) }));
    await capture(() => resolveModel(apiSecret));
    await capture(() => resolveModel(apiKey));
    await capture(() => resolveModel(signedUrl));
    await capture(() => resolveModel({ url: signedUrl.replace('wss:', 'https:'), domain: 'x' }));
    await capture(() => resolveModel({ url: signedUrl, domain: '' }));
    await capture(() => withBaseURL(signedUrl, 'ftp://example.com'));
    await capture(() => withBaseURL(signedUrl, `${signedUrl}(`.replace('wss:', 'ws(s):')));
    expect(failures).toHaveLength(13);
    for (const failure of failures) {
      expect(SparkError.isInstance(failure)).toBe(true);
      expectClean(failure as SparkError);
    }
  });
});

describe('redactSecrets', () => {
  it('removes listed literal secrets and keeps the rest of the text', () => {
    const text = `key=${apiKey} secret=${apiSecret} model=lite`;
    expect(redactSecrets(text, [apiKey, apiSecret])).toBe(`key=${REDACTED} secret=${REDACTED} model=lite`);
  });

  it('removes an HTTP Bearer credential wherever it was echoed, password or key:secret', () => {
    expect(redactSecrets('Authorization: Bearer abcPassword123')).toBe(`Authorization: Bearer ${REDACTED}`);
    expect(redactSecrets(`{"auth":"bearer ${apiKey}:${apiSecret}"}`)).toBe(`{"auth":"bearer ${REDACTED}"}`);
  });

  it('ignores empty and very short values instead of shredding the text', () => {
    expect(redactSecrets('a short text', ['', undefined, 'a'])).toBe('a short text');
  });

  it('keeps the host, path and date of a signed URL', () => {
    const safe = redactUrl(signedUrl);
    expect(safe).toContain('wss://spark-api.xf-yun.com/v3.5/chat?authorization=');
    expect(safe).toContain(REDACTED);
    expect(safe).toContain('&date=');
    expect(safe).not.toContain(authorization);
  });
});
