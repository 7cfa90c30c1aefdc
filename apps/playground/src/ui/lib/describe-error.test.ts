import { SparkAbortError, SparkConnectionError } from '@xinghuo/browser';
import { errorFromSparkCode } from '@xinghuo/browser/spark-codes';
import { describe, expect, it } from 'vitest';
import { describeError } from './describe-error';

describe('describeError', () => {
  it('shows the Spark code, its meaning, a hint and the sid of an error frame', () => {
    const info = describeError(errorFromSparkCode(10013, 'InputRefused:x', 'cht000abc'));
    expect(info).toMatchObject({
      code: 'content_filter',
      sparkCode: 10013,
      meaning: 'the input was refused by content moderation',
      sid: 'cht000abc',
      retryable: false,
    });
    expect(info.hint).toMatch(/rephrase/);
  });

  it('describes errors without a Spark code by their SDK code', () => {
    expect(describeError(new SparkConnectionError('closed early'))).toMatchObject({
      code: 'connection_error',
      sparkCode: undefined,
      retryable: true,
    });
    expect(describeError(new SparkAbortError()).code).toBe('aborted');
  });

  it('keeps unexpected errors readable', () => {
    expect(describeError(new TypeError('boom'))).toMatchObject({ code: 'unexpected_error', message: 'boom' });
    expect(describeError('text')).toMatchObject({ message: 'text' });
  });
});
