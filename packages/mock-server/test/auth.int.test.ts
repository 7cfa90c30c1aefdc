import { describe, expect, it } from 'vitest';
import { SIGNING_VECTORS as vectors } from '../../../test-support/signing-vectors';
import { GATEWAY_MESSAGES, startMockSpark } from '../src/index.js';
import { converse, expectRefused, openSocket } from './helpers/raw-client.js';
import { requestFrame } from './helpers/request-frame.js';
import { signTestUrl } from './helpers/sign-url.js';
import { useQuietMockSpark } from './helpers/use-quiet-mock.js';

describe('handshake authentication', () => {
  const spark = useQuietMockSpark();

  const sign = (url: string, extra: Partial<Parameters<typeof signTestUrl>[1]> = {}) =>
    signTestUrl(url, {
      apiKey: spark().credentials.apiKey,
      apiSecret: spark().credentials.apiSecret,
      ...extra,
    });

  it('accepts a correctly signed URL and answers with a Date header', async () => {
    const conversation = await converse(
      sign(spark().modelUrl('generalv3.5')),
      requestFrame({ appId: spark().credentials.appId, domain: 'generalv3.5' }),
    );
    expect(conversation.upgradeHeaders.date).toMatch(/GMT$/);
    expect(conversation.frames.at(-1)?.header.status).toBe(2);
    expect(spark().connections.at(-1)).toMatchObject({
      path: '/v3.5/chat',
      model: 'generalv3.5',
      status: 101,
    });
  });

  it('accepts the %20-encoded query variant and Python-style whitespace', async () => {
    for (const url of [
      sign(spark().modelUrl('lite'), { encoding: 'percent' }),
      sign(spark().modelUrl('lite'), { pythonWhitespace: true }),
    ]) {
      const conversation = await converse(
        url,
        requestFrame({ appId: spark().credentials.appId, domain: 'lite' }),
      );
      expect(conversation.frames.at(-1)?.header.code).toBe(0);
    }
  });

  it('refuses a missing authorization with 401 Unauthorized and a Date header', async () => {
    const failure = await expectRefused(`${spark().modelUrl('max')}?date=x&host=y`);
    expect(failure.status).toBe(401);
    expect(JSON.parse(failure.body)).toEqual({ message: GATEWAY_MESSAGES.unauthorized });
    expect(failure.headers.date).toMatch(/GMT$/);
  });

  it('refuses an unparsable authorization with 401 "cannot be verified"', async () => {
    const url = new URL(sign(spark().modelUrl('max')));
    url.searchParams.set('authorization', Buffer.from('not a signature').toString('base64'));
    const failure = await expectRefused(url.toString());
    expect(failure.status).toBe(401);
    expect(JSON.parse(failure.body).message).toBe(GATEWAY_MESSAGES.cannotVerify);
  });

  it('refuses an unknown api_key with 401 "cannot be verified: fail to retrieve credential"', async () => {
    const failure = await expectRefused(
      signTestUrl(spark().modelUrl('max'), {
        apiKey: 'x'.repeat(32),
        apiSecret: spark().credentials.apiSecret,
      }),
    );
    expect(failure.status).toBe(401);
    expect(JSON.parse(failure.body).message).toMatch(/^HMAC signature cannot be verified/);
  });

  it.each([
    ['a wrong secret', { apiSecret: 'y'.repeat(32) }],
    ['the host without its port', { signedHost: '127.0.0.1' }],
    ['another path (the pro-128k bug)', { signedPath: '/v3.5/chat' }],
  ])('refuses a signature over %s with 401 "does not match"', async (_name, extra) => {
    const failure = await expectRefused(sign(spark().modelUrl('pro-128k'), extra));
    expect(failure.status).toBe(401);
    expect(JSON.parse(failure.body)).toEqual({ message: GATEWAY_MESSAGES.doesNotMatch });
  });

  it('answers an unknown path with HTTP 404', async () => {
    const failure = await expectRefused(sign(`${spark().url}/v9.9/chat`));
    expect(failure.status).toBe(404);
    expect(spark().connections.at(-1)).toMatchObject({ path: '/v9.9/chat', model: undefined, status: 404 });
  });

  it('never records the authorization value', async () => {
    const url = sign(spark().modelUrl('max'));
    const authorization = new URL(url).searchParams.get('authorization')!;
    await converse(url, requestFrame({ appId: spark().credentials.appId, domain: 'generalv3.5' }));
    const recorded = JSON.stringify([spark().requests, spark().connections]);
    expect(recorded).not.toContain(authorization);
    expect(recorded).not.toContain(spark().credentials.apiSecret);
    expect(spark().requests[0]!.url).toContain('authorization=[REDACTED]');
  });
});

describe('official signing vectors replayed against the mock', () => {
  const getVectors = vectors.filter((vector) => vector.method === 'GET');

  it.each(getVectors.map((vector) => [new URL(vector.url).host + new URL(vector.url).pathname, vector]))(
    'accepts the signed URL of %s at its date',
    async (_name, vector) => {
      const mock = await startMockSpark({
        apiKey: vector.apiKey,
        apiSecret: vector.apiSecret,
        now: () => new Date(vector.date),
      });
      try {
        const signed = new URL(vector.signedUrl);
        // Dial the mock but send the Host header the vector was signed for, as the real client would.
        const { socket } = await openSocket(`${mock.url}${signed.pathname}${signed.search}`, {
          Host: signed.host,
        });
        socket.close();
        const tampered = new URL(`${mock.url}${signed.pathname}${signed.search}`);
        const failure = await expectRefused(tampered.toString(), { Host: `${signed.hostname}:1` });
        expect(failure.status).toBe(401);
      } finally {
        await mock.close();
      }
    },
  );

  it('uses the injected clock for the date window and the Date header', async () => {
    const serverTime = new Date('2030-01-01T00:00:00Z');
    const mock = await startMockSpark({ now: () => serverTime });
    try {
      const credentials = { apiKey: mock.credentials.apiKey, apiSecret: mock.credentials.apiSecret };
      const failure = await expectRefused(signTestUrl(mock.modelUrl('max'), credentials));
      expect(failure.status).toBe(403);
      expect(failure.headers.date).toBe(serverTime.toUTCString());
      const { socket, upgradeHeaders } = await openSocket(
        signTestUrl(mock.modelUrl('max'), { ...credentials, date: serverTime }),
      );
      expect(upgradeHeaders.date).toBe(serverTime.toUTCString());
      socket.close();
    } finally {
      await mock.close();
    }
  });

  it('accepts any handshake when strictAuth is false', async () => {
    const mock = await startMockSpark({ strictAuth: false });
    try {
      const conversation = await converse(
        mock.modelUrl('max'),
        requestFrame({ appId: mock.credentials.appId, domain: 'generalv3.5' }),
      );
      expect(conversation.frames.at(-1)?.header.code).toBe(0);
    } finally {
      await mock.close();
    }
  });
});

describe('handshake authentication: the clock-skew window', () => {
  // A fixed server clock on a whole second: signed dates have one-second resolution, so against the
  // real clock a date "301 s ahead" could be truncated to 300.x s and, with any delay, land inside.
  const serverNow = Date.UTC(2026, 0, 1, 8, 0, 0);
  const spark = useQuietMockSpark({ now: () => new Date(serverNow) });
  const sign = (url: string, date: Date) =>
    signTestUrl(url, { apiKey: spark().credentials.apiKey, apiSecret: spark().credentials.apiSecret, date });

  it('refuses a date more than 300 s away with 403 and accepts one just inside', async () => {
    for (const offset of [301_000, -301_000]) {
      const failure = await expectRefused(sign(spark().modelUrl('max'), new Date(serverNow + offset)));
      expect(failure.status).toBe(403);
      expect(JSON.parse(failure.body)).toEqual({ message: GATEWAY_MESSAGES.clockSkew });
    }
    for (const offset of [299_000, -299_000]) {
      const { socket } = await openSocket(sign(spark().modelUrl('max'), new Date(serverNow + offset)));
      socket.close();
    }
  });
});
