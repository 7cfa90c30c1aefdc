import { describe, expect, it } from 'vitest';
import {
  SparkContentFilterError,
  SparkContextLengthError,
  SparkInvalidRequestError,
  SparkPermissionError,
  SparkQuotaError,
  SparkRateLimitError,
  SparkServerError,
} from '../../errors/error-classes';
import { describeSparkCode, errorFromSparkCode } from './from-spark-code';

// Spec §5.1: class and retry classification per code.
const TABLE: [number, new (...args: never[]) => Error, boolean][] = [
  [10000, SparkServerError, true],
  [10001, SparkServerError, true],
  [10002, SparkServerError, true],
  [10003, SparkInvalidRequestError, false],
  [10004, SparkInvalidRequestError, false],
  [10005, SparkInvalidRequestError, false],
  [10006, SparkRateLimitError, true],
  [10007, SparkRateLimitError, true],
  [10008, SparkServerError, true],
  [10009, SparkServerError, true],
  [10010, SparkServerError, true],
  [10011, SparkServerError, true],
  [10013, SparkContentFilterError, false],
  [10014, SparkContentFilterError, false],
  [10015, SparkPermissionError, false],
  [10016, SparkPermissionError, false],
  [10017, SparkServerError, false],
  [10019, SparkContentFilterError, false],
  [10021, SparkContentFilterError, false],
  [10110, SparkServerError, true],
  [10163, SparkInvalidRequestError, false],
  [10222, SparkServerError, true],
  [10907, SparkContextLengthError, false],
  [11200, SparkPermissionError, false],
  [11201, SparkQuotaError, false],
  [11202, SparkRateLimitError, true],
  [11203, SparkRateLimitError, true],
];

describe('errorFromSparkCode', () => {
  it.each(TABLE)('maps %i to its class and retry classification', (code, type, retryable) => {
    const error = errorFromSparkCode(code, 'ServerSays:detail', 'sid-9');
    expect(error).toBeInstanceOf(type);
    expect(error.retryable).toBe(retryable);
    expect(error.sparkCode).toBe(code);
    expect(error.sid).toBe('sid-9');
    expect(error.message).toContain(String(code));
    expect(error.message).toContain('ServerSays:detail');
    expect(error.message).toContain(describeSparkCode(code)!);
  });

  it('retries 10012 only when the engine says it is busy', () => {
    expect(
      errorFromSparkCode(10012, 'EngineInternalError:The system is busy, please try again later.').retryable,
    ).toBe(true);
    expect(errorFromSparkCode(10012, 'EngineInternalError:403 forbidden').retryable).toBe(false);
  });

  it('marks the stage of moderation errors and keeps partial output text', () => {
    const input = errorFromSparkCode(10013, 'm') as SparkContentFilterError;
    const output = errorFromSparkCode(10014, 'm', 's', 'partial') as SparkContentFilterError;
    expect(input.stage).toBe('input');
    expect(output.stage).toBe('output');
    expect(output.partialText).toBe('partial');
  });

  it('turns an unknown code into a non-retryable server error', () => {
    const error = errorFromSparkCode(11210, 'NotEnoughCvError:insufficient credits');
    expect(error).toBeInstanceOf(SparkServerError);
    expect(error.retryable).toBe(false);
    expect(error.message).toContain('unknown Spark error code');
    expect(describeSparkCode(11210)).toBeUndefined();
  });

  it('gives a hint for context length errors', () => {
    expect(errorFromSparkCode(10907, 'm').message).toMatch(/trimHistory/);
  });
});
