import { SparkConfigError } from '@xinghuo/core';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { buildClient } from './resolve-client';

const KEY_PAIR = { appId: 'app12345', apiKey: 'key0123456789abcdef', apiSecret: 'secret0123456789abcdef' };
// Never called: building a client opens no socket.
const WebSocket = class {} as never;

function messageOf(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(SparkConfigError);
    return (error as Error).message;
  }
  throw new Error('expected a SparkConfigError');
}

describe("buildClient: core's credential check and browser-secret guard", () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('names each missing credential as option and variable; blank variables count as unset', () => {
    const message = messageOf(() =>
      buildClient({ env: { SPARK_APP_ID: ' ', SPARK_API_KEY: 'k' }, WebSocket }),
    );
    expect(message).toMatch(/missing appId \(SPARK_APP_ID\), apiSecret \(SPARK_API_SECRET\)\./);
    expect(message).not.toContain('SPARK_API_KEY');
    const signUrl = async () => 'wss://example.invalid/v3.5/chat';
    expect(messageOf(() => buildClient({ signUrl, env: {}, WebSocket }))).toMatch(
      /missing appId \(SPARK_APP_ID\)\./,
    );
    expect(messageOf(() => buildClient({ env: { SPARK_PROTOCOL: 'http' } }))).toMatch(
      /protocol 'http' needs apiPassword \(SPARK_API_PASSWORD\), or apiKey \(SPARK_API_KEY\) and apiSecret/,
    );
  });

  it('in a browser page refuses an API secret or an APIPassword unless dangerouslyAllowBrowser', () => {
    vi.stubGlobal('window', {});
    vi.stubGlobal('document', {});
    expect(messageOf(() => buildClient({ ...KEY_PAIR, env: {}, WebSocket }))).toMatch(/apiSecret was passed/);
    expect(() =>
      buildClient({ ...KEY_PAIR, env: {}, WebSocket, dangerouslyAllowBrowser: true }),
    ).not.toThrow();
    const signUrl = async () => 'wss://example.invalid/v3.5/chat';
    expect(() => buildClient({ appId: KEY_PAIR.appId, signUrl, env: {}, WebSocket })).not.toThrow();
    expect(
      messageOf(() => buildClient({ protocol: 'http', apiPassword: 'password0123456789', env: {} })),
    ).toMatch(/apiPassword was passed/);
  });
});
