import { describe, expect, it } from 'vitest';
import { createStderrLogger, loggerFromLogLevel } from './env-logger';

const SECRET = 'TestSecretMjlmNzkzNmZkMDQ2OTc0ZD';
const KEY = 'testkey0123456789abcdef012345678';

function capture() {
  const lines: string[] = [];
  return { lines, write: (line: string) => lines.push(line) };
}

describe('createStderrLogger', () => {
  it('writes the chosen level and those above it, one timestamped line each', () => {
    const { lines, write } = capture();
    const logger = createStderrLogger('info', [], write);
    expect(logger.debug).toBeUndefined();
    logger.info?.('xinghuo: retrying', { attempt: 1, delayMs: 250 });
    logger.warn?.('xinghuo: the request failed');
    logger.error?.('xinghuo: broken');
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatch(
      /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z INFO xinghuo: retrying \{"attempt":1,"delayMs":250\}\n$/,
    );
    expect(lines[1]).toMatch(/ WARN xinghuo: the request failed\n$/);
    expect(lines[2]).toMatch(/ ERROR xinghuo: broken\n$/);
  });

  it('redacts the secrets and any signed-URL authorization, in messages and data', () => {
    const { lines, write } = capture();
    const logger = createStderrLogger('debug', [KEY, SECRET], write);
    const authorization = Buffer.from(`api_key="${KEY}", signature="abc"`).toString('base64');
    logger.debug?.(`xinghuo: connecting with ${SECRET}`, {
      url: `wss://spark-api.xf-yun.com/v1.1/chat?authorization=${authorization}&date=x`,
      nested: { apiKey: KEY, raw: authorization },
    });
    const text = lines.join('');
    expect(text).not.toContain(SECRET);
    expect(text).not.toContain(KEY);
    expect(text).not.toContain(authorization);
    expect(text).toContain('[REDACTED]');
  });

  it('survives data that JSON cannot hold', () => {
    const { lines, write } = capture();
    createStderrLogger('debug', [], write).debug?.('xinghuo: odd', { big: 1n });
    expect(lines[0]).toContain('not serializable');
  });
});

describe('loggerFromLogLevel (XINGHUO_LOG)', () => {
  it('is off when unset, empty or "off"', () => {
    const { lines, write } = capture();
    for (const value of [undefined, '', '  ', 'off', 'OFF']) {
      expect(loggerFromLogLevel(value, [], write)).toBeUndefined();
    }
    expect(lines).toEqual([]);
  });

  it('accepts the levels in any case', () => {
    const { write } = capture();
    expect(loggerFromLogLevel('DEBUG', [], write)?.debug).toBeTypeOf('function');
    expect(loggerFromLogLevel('warn', [], write)?.info).toBeUndefined();
  });

  it('says once that an unknown value logs nothing, without echoing a long value', () => {
    const { lines, write } = capture();
    expect(loggerFromLogLevel('verbose', [], write)).toBeUndefined();
    expect(lines).toEqual([
      'xinghuo: XINGHUO_LOG="verbose" is not one of debug, info, warn, error, off; nothing is logged.\n',
    ]);
    loggerFromLogLevel(SECRET, [], write);
    expect(lines[1]).not.toContain(SECRET.toLowerCase());
  });
});
