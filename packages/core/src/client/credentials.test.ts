import { afterEach, describe, expect, it } from 'vitest';
import { SparkConfigError } from '../errors';
import {
  guardBrowserSecret,
  isBrowserPage,
  missingCredentials,
  readSparkEnv,
  requireCredentials,
  SPARK_ENV_VARIABLES,
} from './credentials';

describe('readSparkEnv', () => {
  it('reads the SPARK_* variables, trimmed, with empty values as unset', () => {
    expect(
      readSparkEnv({ SPARK_APP_ID: ' app ', SPARK_API_KEY: '', SPARK_MODEL: 'max', OTHER: 'x' }),
    ).toEqual({ appId: 'app', apiKey: undefined, apiSecret: undefined, baseURL: undefined, model: 'max' });
    expect(
      Object.values(SPARK_ENV_VARIABLES).every((name) => name.startsWith('SPARK_') || name === 'XINGHUO_LOG'),
    ).toBe(true);
  });
});

describe('requireCredentials', () => {
  it('names every missing credential as option and variable', () => {
    expect(missingCredentials({ apiKey: 'key' }, true)).toEqual([
      'appId (SPARK_APP_ID)',
      'apiSecret (SPARK_API_SECRET)',
    ]);
    expect(() => requireCredentials({}, true)).toThrow(SparkConfigError);
    expect(() => requireCredentials({}, true)).toThrow(/appId \(SPARK_APP_ID\), apiKey \(SPARK_API_KEY\)/);
  });

  it('needs only the app id when a provider signs', () => {
    expect(() => requireCredentials({ appId: 'app' }, false)).not.toThrow();
  });
});

describe('guardBrowserSecret', () => {
  const scope = globalThis as { window?: unknown; document?: unknown };
  afterEach(() => {
    delete scope.window;
    delete scope.document;
  });

  it('refuses a secret unless dangerouslyAllowBrowser is true, and never repeats the secret', () => {
    expect(() => guardBrowserSecret(true, undefined)).toThrow(SparkConfigError);
    expect(() => guardBrowserSecret(true, false)).toThrow(/dangerouslyAllowBrowser: true/);
    expect(() => guardBrowserSecret(true, true)).not.toThrow();
    expect(() => guardBrowserSecret(false, undefined)).not.toThrow();
  });

  it('tells a page from a server by window and document', () => {
    expect(isBrowserPage()).toBe(false);
    scope.window = {};
    scope.document = {};
    expect(isBrowserPage()).toBe(true);
  });
});
