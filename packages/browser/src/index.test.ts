import { createSparkClient as createCoreSparkClient } from '@xinghuo/core';
import { describe, expect, it } from 'vitest';
import * as browser from './index';

describe('@xinghuo/browser exports', () => {
  it('exports the guarded browser createSparkClient in place of the core one', () => {
    expect(browser.createSparkClient).not.toBe(createCoreSparkClient);
    expect(() => browser.createSparkClient({ appId: 'app', apiKey: 'key', apiSecret: 'secret' })).toThrow(
      /apiSecret was passed to the browser client/,
    );
  });

  it('re-exports the core API next to the browser additions', () => {
    expect(typeof browser.SparkError.isInstance).toBe('function');
    expect(typeof browser.resolveModel).toBe('function');
    expect(typeof browser.createBrowserTransport).toBe('function');
    expect(typeof browser.createSignedUrlFetcher).toBe('function');
  });
});
