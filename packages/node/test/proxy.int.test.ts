import type { MockSpark } from '@xinghuo/mock-server';
import { afterEach, describe, expect, it } from 'vitest';
import { failure } from '../../../test-support/failure';
import {
  SparkAbortError,
  SparkConfigError,
  SparkConnectionError,
  type SparkError,
  SparkTimeoutError,
} from '../src/index';
import { createWsTransport } from '../src/ws/ws-transport';
import { HELLO, mockClient, startMock } from './helpers';
import {
  type ConnectProxy,
  eventually,
  SELF_SIGNED,
  startConnectProxy,
  startTlsWebSocketServer,
} from './loopback-servers';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function proxy(options: Parameters<typeof startConnectProxy>[0] = {}): Promise<ConnectProxy> {
  const started = await startConnectProxy(options);
  cleanups.push(() => started.close());
  return started;
}

async function mock(): Promise<MockSpark> {
  const started = await startMock();
  cleanups.push(() => started.close());
  return started;
}

/** `http://user:password@127.0.0.1:port` for a proxy. */
function withCredentials(url: string, user: string, password: string): string {
  const parsed = new URL(url);
  parsed.username = user;
  parsed.password = password;
  return parsed.href;
}

describe('the ws transport through an HTTP proxy', () => {
  it('streams a whole answer through a CONNECT tunnel to the mock server', async () => {
    const [spark, tunnel] = await Promise.all([mock(), proxy()]);
    const client = mockClient(spark, { ws: { proxy: tunnel.url } });
    const result = await client.chat({ messages: HELLO });
    expect(result.text.length).toBeGreaterThan(0);
    expect(tunnel.targets).toEqual([`127.0.0.1:${spark.port}`]);
    expect(tunnel.authorizations).toEqual([undefined]);
    expect(await eventually(() => tunnel.openSockets() === 0 && spark.openSockets() === 0)).toBe(true);
  });

  it('sends the credentials of the proxy URL as Basic Proxy-Authorization', async () => {
    const [spark, tunnel] = await Promise.all([mock(), proxy({ credentials: 'alice:s3cr3t!' })]);
    const client = mockClient(spark, { ws: { proxy: withCredentials(tunnel.url, 'alice', 's3cr3t!') } });
    await client.chat({ messages: HELLO });
    expect(tunnel.authorizations).toEqual([`Basic ${Buffer.from('alice:s3cr3t!').toString('base64')}`]);
  });

  it('reports a 407 as a connection error that asks for credentials and never shows them', async () => {
    const [spark, tunnel] = await Promise.all([mock(), proxy({ credentials: 'alice:right' })]);
    const client = mockClient(spark, {
      ws: { proxy: withCredentials(tunnel.url, 'alice', 'wrong-password') },
      maxRetries: 0,
    });
    const error = await failure<SparkError>(client.chat({ messages: HELLO }));
    expect(error).toBeInstanceOf(SparkConnectionError);
    expect(error.status).toBe(407);
    expect(error.message).toContain('HTTP 407');
    expect(error.message).toContain('credentials');
    expect(`${error} ${JSON.stringify(error)}`).not.toMatch(/wrong-password|alice/);
    expect(spark.openSockets()).toBe(0);
  });

  it('names the proxy host when the proxy cannot be reached', async () => {
    const tunnel = await proxy();
    const port = new URL(tunnel.url).port;
    await tunnel.close();
    const transport = createWsTransport({ proxy: withCredentials(tunnel.url, 'bob', 'hunter22') });
    const error = await failure<SparkError>(transport('ws://spark.example/v1.1/chat?authorization=abc', {}));
    expect(error).toBeInstanceOf(SparkConnectionError);
    expect(error.message).toContain(`127.0.0.1:${port}`);
    expect(error.message).toContain('ECONNREFUSED');
    expect(error.message).not.toMatch(/hunter22|bob|authorization/);
  });

  it('times out a proxy that never answers, and aborts a tunnel in progress, leaving no socket', async () => {
    const silent = await proxy({ mode: 'silent' });
    const timedOut = await failure<SparkError>(
      createWsTransport({ proxy: silent.url, handshakeTimeoutMs: 100 })('ws://spark.example/v1.1/chat', {}),
    );
    expect(timedOut).toBeInstanceOf(SparkTimeoutError);
    expect(timedOut.message).toContain(`through the proxy 127.0.0.1:${new URL(silent.url).port}`);

    const controller = new AbortController();
    const pending = createWsTransport({ proxy: silent.url })('ws://spark.example/v1.1/chat', {
      signal: controller.signal,
    });
    expect(await eventually(() => silent.targets.length === 2)).toBe(true);
    controller.abort();
    expect(await failure<SparkError>(pending)).toBeInstanceOf(SparkAbortError);
    expect(await eventually(() => silent.openSockets() === 0)).toBe(true);
  });

  it('asks a resolver function per URL, and goes direct when it returns undefined', async () => {
    const [spark, tunnel] = await Promise.all([mock(), proxy()]);
    const asked: string[] = [];
    const client = mockClient(spark, {
      ws: {
        proxy: (target) => {
          asked.push(target.host);
          return asked.length === 1 ? tunnel.url : undefined;
        },
      },
    });
    await client.chat({ messages: HELLO });
    await client.chat({ messages: HELLO });
    expect(asked).toEqual([`127.0.0.1:${spark.port}`, `127.0.0.1:${spark.port}`]);
    expect(tunnel.targets).toHaveLength(1);
  });

  it('refuses a proxy that is not an http(s) URL, and a proxy together with an agent', () => {
    expect(() => createWsTransport({ proxy: 'socks5://user:pw@proxy:1080' })).toThrow(SparkConfigError);
    expect(() => createWsTransport({ proxy: 'socks5://user:pw@proxy:1080' })).not.toThrow(/pw/);
    expect(() => createWsTransport({ proxy: 'http://proxy:1', agent: {} as never })).toThrow(
      /either proxy or agent/,
    );
  });

  describe('wss:// inside the tunnel', () => {
    const { cert, key } = SELF_SIGNED;

    async function tlsServer(): Promise<string> {
      const server = await startTlsWebSocketServer((socket) => socket.send('{"tls":true}'));
      cleanups.push(server.close);
      return server.url;
    }

    it('verifies the server certificate end to end: refused without its CA, accepted with `ca`', async () => {
      const [url, tunnel] = await Promise.all([tlsServer(), proxy()]);
      const refused = await failure<SparkError>(createWsTransport({ proxy: tunnel.url })(url, {}));
      expect(refused).toBeInstanceOf(SparkConnectionError);
      expect(refused.message).toContain('did not verify');

      const connection = await createWsTransport({ proxy: tunnel.url, ca: cert })(url, {});
      const iterator = connection.messages()[Symbol.asyncIterator]();
      expect(await iterator.next()).toEqual({ value: '{"tls":true}', done: false });
      connection.close();
      expect(tunnel.targets).toEqual([new URL(url).host, new URL(url).host]);
      expect(await eventually(() => tunnel.openSockets() === 0)).toBe(true);
    });

    it('reaches an https:// proxy over verified TLS as well', async () => {
      const [url, secureProxy] = await Promise.all([tlsServer(), proxy({ tls: { cert, key } })]);
      expect(secureProxy.url.startsWith('https://')).toBe(true);
      const untrusted = await failure<SparkError>(createWsTransport({ proxy: secureProxy.url })(url, {}));
      expect(untrusted).toBeInstanceOf(SparkConnectionError);
      expect(untrusted.message).toContain(`proxy ${new URL(secureProxy.url).host}`);
      expect(untrusted.message).toContain("proxy's certificate did not verify");

      const connection = await createWsTransport({ proxy: secureProxy.url, ca: cert })(url, {});
      const iterator = connection.messages()[Symbol.asyncIterator]();
      expect(await iterator.next()).toEqual({ value: '{"tls":true}', done: false });
      connection.close();
      expect(secureProxy.targets).toEqual([new URL(url).host]);
    });
  });
});
