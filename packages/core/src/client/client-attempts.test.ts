/**
 * Retries made visible: `result.attempts`, the `onRetry` option, and `error.attemptErrors` on the
 * error a request finally fails with.
 */
import { describe, expect, it } from 'vitest';
import {
  SparkAuthError,
  SparkConfigError,
  SparkConnectionError,
  SparkError,
  SparkInvalidRequestError,
  SparkRateLimitError,
  SparkServerError,
} from '../errors';
import type { SparkRetryInfo } from '../exchange/attempt-history';
import { collect, makeClient, QUESTION, recordingLogger } from '../internal-test-support/client-fixtures';
import { answerFrames, createMemoryTransport, errorFrame, type MemoryHandler, respondWith } from '../testing';

const answer = respondWith(answerFrames('成功了'));

/** Three different failures in a row, then answers. */
const THREE_FAULTS: MemoryHandler[] = [
  respondWith([errorFrame(11202, 'rate limited')]),
  (server) => server.fail(),
  (server) => server.refuse({ status: 503 }),
];

function faultsThenAnswer(faults: readonly MemoryHandler[]): MemoryHandler {
  return (server) => (faults[server.index] ?? answer)(server);
}

async function failureOf(promise: Promise<unknown>): Promise<SparkError> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(SparkError.isInstance(error)).toBe(true);
  return error as SparkError;
}

describe('result.attempts', () => {
  it('is 1 when the first attempt answers', async () => {
    const result = await makeClient(createMemoryTransport(answer)).chat(QUESTION);
    expect(result.attempts).toBe(1);
  });

  it('counts the retries, in the result and in the end event', async () => {
    const transport = createMemoryTransport(faultsThenAnswer(THREE_FAULTS));
    const events = await collect(makeClient(transport, { maxRetries: 3 }).stream(QUESTION));
    const end = events.at(-1);
    expect(end?.type).toBe('end');
    expect(end?.type === 'end' && end.result.attempts).toBe(4);
    expect(transport.connections).toHaveLength(4);
  });
});

describe('onRetry', () => {
  it('is called before each retry with the failed attempt, its error and the backoff', async () => {
    const retries: SparkRetryInfo[] = [];
    const transport = createMemoryTransport(faultsThenAnswer(THREE_FAULTS));
    const client = makeClient(transport, {
      maxRetries: 3,
      retryDelay: { baseDelayMs: 4, maxDelayMs: 6, random: () => 0.5 },
      onRetry: (retry) => retries.push(retry),
    });

    const result = await client.chat(QUESTION);

    expect(result.attempts).toBe(4);
    expect(retries.map((retry) => retry.attempt)).toEqual([1, 2, 3]);
    expect(retries.map((retry) => retry.error.constructor)).toEqual([
      SparkRateLimitError,
      SparkConnectionError,
      SparkServerError,
    ]);
    expect(retries.map((retry) => retry.delayMs)).toEqual([2, 3, 3]);
  });

  it('is not called when nothing is retried', async () => {
    const retries: SparkRetryInfo[] = [];
    const transport = createMemoryTransport((server) => server.refuse({ status: 401 }));
    await failureOf(makeClient(transport, { onRetry: (retry) => retries.push(retry) }).chat(QUESTION));
    expect(retries).toEqual([]);
  });

  it('a throw from it is logged and the retry goes ahead', async () => {
    const logger = recordingLogger();
    const transport = createMemoryTransport(faultsThenAnswer(THREE_FAULTS.slice(0, 1)));
    const client = makeClient(transport, {
      logger,
      onRetry: () => {
        throw new Error('UI gone');
      },
    });
    expect((await client.chat(QUESTION)).attempts).toBe(2);
    expect(logger.lines.some((line) => line.level === 'warn' && /onRetry threw/.test(line.message))).toBe(
      true,
    );
  });

  it('must be a function', () => {
    expect(() => makeClient(createMemoryTransport(answer), { onRetry: 'log' as never })).toThrow(
      SparkConfigError,
    );
  });
});

describe('error.attemptErrors', () => {
  it('keeps the error of every failed attempt, oldest first, the final error last', async () => {
    const transport = createMemoryTransport(faultsThenAnswer(THREE_FAULTS));
    const error = await failureOf(makeClient(transport, { maxRetries: 2 }).chat(QUESTION));

    expect(error).toBeInstanceOf(SparkServerError);
    expect(error.attemptErrors?.map((attemptError) => attemptError.code)).toEqual([
      'rate_limited',
      'connection_error',
      'server_error',
    ]);
    expect(error.attemptErrors?.at(-1)).toBe(error);
    expect(error.attemptErrors?.[0]?.sparkCode).toBe(11202);
  });

  it('holds the one error of a request that was not retried', async () => {
    const transport = createMemoryTransport((server) => server.refuse({ status: 401 }));
    const error = await failureOf(makeClient(transport).chat(QUESTION));
    expect(error).toBeInstanceOf(SparkAuthError);
    expect(error.attemptErrors).toEqual([error]);
  });

  it('is not set on an invalid request, which makes no attempt', async () => {
    const transport = createMemoryTransport(answer);
    const error = await failureOf(makeClient(transport).chat({ messages: [] }));
    expect(error).toBeInstanceOf(SparkInvalidRequestError);
    expect(error.attemptErrors).toBeUndefined();
    expect(transport.connections).toHaveLength(0);
  });

  it('logs each retry at info and the failure at error, with the number of attempts', async () => {
    const logger = recordingLogger();
    const transport = createMemoryTransport((server) => server.refuse({ status: 503 }));
    await failureOf(makeClient(transport, { logger, maxRetries: 1 }).chat(QUESTION));

    const retries = logger.lines.filter((line) => line.message === 'xinghuo: retrying');
    expect(retries.map((line) => line.level)).toEqual(['info']);
    const failed = logger.lines.filter((line) => line.message === 'xinghuo: the request failed');
    expect(failed).toHaveLength(1);
    expect(failed[0]?.level).toBe('error');
    expect(failed[0]?.data).toMatchObject({ attempts: 2, error: { code: 'server_error' } });
  });
});
