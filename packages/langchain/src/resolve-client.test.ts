/**
 * Which client ChatSpark builds without a `client`: the protocol by core's rule, the HTTP credential
 * from fields or `SPARK_*`, and the checks that fail before any network.
 */
import { SparkConfigError } from '@xinghuo/core';
import { createMemoryTransport } from '@xinghuo/core/testing';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { FAKE_CREDENTIALS } from '../test/helpers/memory-model';
import { ChatSpark } from './chat-spark';

const PASSWORD = 'httpPassword0123456789abcdefXYZW';

/** No variable of the machine leaks into these tests. */
function clearSparkEnv(): void {
  for (const name of [
    'SPARK_APP_ID',
    'SPARK_API_KEY',
    'SPARK_API_SECRET',
    'SPARK_API_PASSWORD',
    'SPARK_PROTOCOL',
    'SPARK_BASE_URL',
    'SPARK_MODEL',
  ]) {
    vi.stubEnv(name, '');
  }
}

function configError(build: () => unknown): string {
  try {
    build();
  } catch (error) {
    expect(error).toBeInstanceOf(SparkConfigError);
    return (error as Error).message;
  }
  throw new Error('expected a SparkConfigError');
}

afterEach(() => {
  vi.unstubAllEnvs();
  vi.unstubAllGlobals();
});

describe('ChatSpark without a client: the protocol', () => {
  it("protocol 'http' with an apiPassword needs no app id and no WebSocket (Node 20 has none)", () => {
    clearSparkEnv();
    expect((globalThis as { WebSocket?: unknown }).WebSocket).toBeUndefined();
    const model = new ChatSpark({ model: 'x2', protocol: 'http', apiPassword: PASSWORD });
    expect(model.protocol).toBe('http');
    expect(model.apiPassword).toBe(PASSWORD);
  });

  it('follows core when no protocol is given: an apiPassword without an app id means HTTP', () => {
    clearSparkEnv();
    expect(new ChatSpark({ model: 'x2', apiPassword: PASSWORD }).protocol).toBe('http');
  });

  it('uses HTTP for a model served only over HTTP (X2.5), sending the key pair as the Bearer credential', () => {
    clearSparkEnv();
    expect(new ChatSpark({ model: 'x2.5', ...FAKE_CREDENTIALS }).protocol).toBe('http');
  });

  it('keeps WebSocket where the model has it and an app id is given, even with an apiPassword', () => {
    clearSparkEnv();
    const transport = createMemoryTransport(() => {});
    const model = new ChatSpark({ model: 'max', ...FAKE_CREDENTIALS, apiPassword: PASSWORD, transport });
    expect(model.protocol).toBe('ws');
    expect(new ChatSpark({ model: 'x2', ...FAKE_CREDENTIALS, protocol: 'ws', transport }).protocol).toBe(
      'ws',
    );
  });

  it('reads SPARK_PROTOCOL and SPARK_API_PASSWORD through core, a field winning over its variable', () => {
    clearSparkEnv();
    vi.stubEnv('SPARK_PROTOCOL', ' HTTP ');
    vi.stubEnv('SPARK_API_PASSWORD', PASSWORD);
    const fromEnv = new ChatSpark({ model: 'max' });
    expect(fromEnv.protocol).toBe('http');
    expect(fromEnv.apiPassword).toBe(PASSWORD);
    const transport = createMemoryTransport(() => {});
    expect(new ChatSpark({ model: 'max', ...FAKE_CREDENTIALS, protocol: 'ws', transport }).protocol).toBe(
      'ws',
    );
    vi.stubEnv('SPARK_PROTOCOL', 'grpc');
    expect(configError(() => new ChatSpark({ model: 'max' }))).toMatch(
      /SPARK_PROTOCOL must be "ws" or "http"/,
    );
  });

  it("protocol 'http' without an HTTP credential names SPARK_API_PASSWORD and the key pair", () => {
    clearSparkEnv();
    const message = configError(() => new ChatSpark({ model: 'max', protocol: 'http' }));
    expect(message).toMatch(/protocol 'http'/);
    expect(message).toMatch(/apiPassword \(SPARK_API_PASSWORD\), or apiKey \(SPARK_API_KEY\)/);
  });

  it('on Node 20 without a transport, the WebSocket error points at HTTP too', () => {
    clearSparkEnv();
    expect(configError(() => new ChatSpark({ model: 'max', ...FAKE_CREDENTIALS }))).toMatch(
      /protocol 'http'/,
    );
  });

  it('refuses an apiPassword in a browser page unless dangerouslyAllowBrowser is set', () => {
    clearSparkEnv();
    vi.stubGlobal('window', {});
    vi.stubGlobal('document', {});
    expect(configError(() => new ChatSpark({ protocol: 'http', apiPassword: PASSWORD }))).toMatch(
      /apiPassword was passed to the browser client/,
    );
    expect(
      () => new ChatSpark({ protocol: 'http', apiPassword: PASSWORD, dangerouslyAllowBrowser: true }),
    ).not.toThrow();
  });
});
