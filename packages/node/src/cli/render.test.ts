import { errorFromSparkCode, SparkAbortError, SparkClockSkewError, SparkTimeoutError } from '@xinghuo/core';
import { describe, expect, it } from 'vitest';
import { CliUsageError } from './args';
import { exitCodeFor, formatError, renderTable } from './render';

describe('formatError', () => {
  it('names the error code, the Spark code with its meaning and the sid on one line', () => {
    const line = formatError(errorFromSparkCode(11202, 'QpsLimit:\nper second', 'cht0001@dx1'));
    expect(line.split('\n')).toHaveLength(1);
    expect(line).toContain('[rate_limited]');
    expect(line).toContain('11202');
    expect(line).toContain('the per-second rate limit is exceeded');
    expect(line).toContain('[sid cht0001@dx1]');
  });

  it('tells the user to check the system clock on clock skew', () => {
    const line = formatError(
      new SparkClockSkewError('Spark refused the handshake (HTTP 403). Check the system clock.'),
    );
    expect(line).toMatch(/\[clock_skew\].*system clock/);
  });

  it('adds what to do for timeouts and removes secrets and signed URLs', () => {
    const secret = 'a-secret-that-must-not-show-0000';
    const line = formatError(
      new Error(`failed wss://x/v1.1/chat?authorization=YXBpX2tleT0iabc&date=now with ${secret}`),
      [secret],
    );
    expect(line).not.toContain(secret);
    expect(line).not.toContain('YXBpX2tleT0i');
    const timeout = formatError(
      new SparkTimeoutError('No frame within 100 ms.', { phase: 'idle', timeoutMs: 100 }),
    );
    expect(timeout).toContain('try again');
  });

  it('maps failures to exit statuses', () => {
    expect(exitCodeFor(new CliUsageError('bad flag'))).toBe(2);
    expect(exitCodeFor(new SparkAbortError())).toBe(130);
    expect(exitCodeFor(new Error('x'))).toBe(1);
  });
});

describe('renderTable', () => {
  it('aligns columns under a header and a rule', () => {
    expect(
      renderTable(
        ['id', 'n'],
        [
          ['lite', '1'],
          ['x', '22'],
        ],
      ),
    ).toBe('id    n\n----  --\nlite  1\nx     22');
  });
});
