import { describe, expect, it, vi } from 'vitest';
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
import { SparkError } from './spark-error';

// The stable contract of every class: code string, default retryability, name. Changing a row is a
// breaking change for users who switch on `code`.
const CLASSES: [SparkError, string, boolean, string][] = [
  [new SparkConfigError('m'), 'config_error', false, 'SparkConfigError'],
  [
    new SparkInvalidRequestError('m', { field: 'temperature' }),
    'invalid_request',
    false,
    'SparkInvalidRequestError',
  ],
  [new SparkAuthError('m'), 'auth_error', false, 'SparkAuthError'],
  [new SparkClockSkewError('m'), 'clock_skew', true, 'SparkClockSkewError'],
  [new SparkPermissionError('m'), 'permission_denied', false, 'SparkPermissionError'],
  [new SparkQuotaError('m'), 'quota_exceeded', false, 'SparkQuotaError'],
  [new SparkRateLimitError('m'), 'rate_limited', true, 'SparkRateLimitError'],
  [new SparkContentFilterError('m', { stage: 'input' }), 'content_filter', false, 'SparkContentFilterError'],
  [new SparkContextLengthError('m'), 'context_length_exceeded', false, 'SparkContextLengthError'],
  [new SparkServerError('m'), 'server_error', true, 'SparkServerError'],
  [new SparkConnectionError('m'), 'connection_error', true, 'SparkConnectionError'],
  [new SparkTimeoutError('m', { phase: 'first-token', timeoutMs: 5 }), 'timeout', true, 'SparkTimeoutError'],
  [new SparkAbortError(), 'aborted', false, 'AbortError'],
  [new SparkProtocolError('m'), 'protocol_error', false, 'SparkProtocolError'],
];

describe('SparkError classes', () => {
  it.each(CLASSES)('%s has a stable code, retryability and name', (error, code, retryable, name) => {
    expect(error).toBeInstanceOf(SparkError);
    expect(error).toBeInstanceOf(Error);
    expect(error.code).toBe(code);
    expect(error.retryable).toBe(retryable);
    expect(error.name).toBe(name);
    expect(SparkError.isInstance(error)).toBe(true);
  });

  it('uses one distinct code per class', () => {
    expect(new Set(CLASSES.map(([, code]) => code)).size).toBe(CLASSES.length);
  });

  it('lets options override retryability', () => {
    expect(new SparkServerError('m', { retryable: false }).retryable).toBe(false);
    expect(new SparkConfigError('m', { retryable: true }).retryable).toBe(true);
  });

  it('does not retry a total timeout but retries the other phases', () => {
    expect(new SparkTimeoutError('m', { phase: 'total', timeoutMs: 1 }).retryable).toBe(false);
    for (const phase of ['connect', 'first-token', 'idle'] as const) {
      expect(new SparkTimeoutError('m', { phase, timeoutMs: 1 }).retryable).toBe(true);
    }
  });

  it('keeps the class-specific details', () => {
    expect(new SparkInvalidRequestError('m', { field: 'topK' }).field).toBe('topK');
    const filter = new SparkContentFilterError('m', { stage: 'output', partialText: 'abc' });
    expect([filter.stage, filter.partialText]).toEqual(['output', 'abc']);
    const skew = new SparkClockSkewError('m', { serverDate: 'Fri, 05 May 2023 10:43:39 GMT' });
    expect(skew.serverDate).toBe('Fri, 05 May 2023 10:43:39 GMT');
    const timeout = new SparkTimeoutError('m', { phase: 'connect', timeoutMs: 250 });
    expect([timeout.phase, timeout.timeoutMs]).toEqual(['connect', 250]);
  });

  it('renders code, Spark code, status and sid in toString and toJSON', () => {
    const error = new SparkRateLimitError('slow down', { sparkCode: 11202, sid: 'sid-1', status: 200 });
    expect(error.toString()).toBe(
      'SparkRateLimitError [rate_limited]: slow down (sparkCode=11202, status=200, sid=sid-1)',
    );
    expect(JSON.parse(JSON.stringify(error))).toEqual({
      name: 'SparkRateLimitError',
      code: 'rate_limited',
      message: 'slow down',
      retryable: true,
      sparkCode: 11202,
      sid: 'sid-1',
      status: 200,
    });
  });

  it('keeps the cause without copying it into the message', () => {
    const cause = new Error('socket hang up');
    const error = new SparkConnectionError('connection failed', { cause });
    expect(error.cause).toBe(cause);
    expect(error.message).toBe('connection failed');
  });

  it('names the abort error AbortError with a default message', () => {
    const error = new SparkAbortError();
    expect(error.name).toBe('AbortError');
    expect(error.message).toBe('The request was aborted.');
  });
});

describe('SparkError.isInstance', () => {
  it('recognizes errors of a second copy of the package, where instanceof fails', async () => {
    vi.resetModules();
    const copy = await import('./error-classes');
    const foreign = new copy.SparkQuotaError('from another copy');
    expect(foreign instanceof SparkError).toBe(false);
    expect(SparkError.isInstance(foreign)).toBe(true);
  });

  it('recognizes any object carrying the shared Symbol.for marker', () => {
    const marker = Symbol.for('xinghuo.SparkError');
    expect(SparkError.isInstance({ [marker]: true })).toBe(true);
    expect(SparkError.isInstance({ [marker]: 'true' })).toBe(false);
  });

  it('does not recognize a structured clone, which keeps only name and message', () => {
    const clone = structuredClone(new SparkQuotaError('quota'));
    expect(clone).toBeInstanceOf(Error);
    expect(clone.message).toBe('quota');
    expect(SparkError.isInstance(clone)).toBe(false);
  });

  it.each([null, undefined, 'SparkError', 42, new Error('plain'), { code: 'timeout', retryable: true }])(
    'rejects %s',
    (value) => {
      expect(SparkError.isInstance(value)).toBe(false);
    },
  );
});

describe('error names in minified bundles', () => {
  it('keeps the class name when a minifier renames the class', () => {
    // What esbuild and terser do to `class SparkConfigError`: the class's own name becomes a letter.
    const original = Object.getOwnPropertyDescriptor(SparkConfigError, 'name');
    Object.defineProperty(SparkConfigError, 'name', { value: 'l', configurable: true });
    try {
      expect(new SparkConfigError('x').name).toBe('SparkConfigError');
      expect(new SparkConfigError('x').toString()).toMatch(/^SparkConfigError \[config_error\]/);
    } finally {
      if (original) Object.defineProperty(SparkConfigError, 'name', original);
    }
  });

  it('names an application subclass after itself', () => {
    class QuotaWarning extends SparkQuotaError {}
    expect(new QuotaWarning('x').name).toBe('QuotaWarning');
  });
});
