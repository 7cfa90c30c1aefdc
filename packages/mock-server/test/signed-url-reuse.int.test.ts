import { describe, expect, it } from 'vitest';
import { SIGNED_URL_REUSED_MESSAGE } from '../src/auth/signed-url-reuse.js';
import { collect, converse, expectRefused, openSocket } from './helpers/raw-client.js';
import { requestFrame } from './helpers/request-frame.js';
import { signTestUrl } from './helpers/sign-url.js';
import { useQuietMockSpark } from './helpers/use-quiet-mock.js';

describe("signedUrlReuse: 'allow' (the default)", () => {
  const spark = useQuietMockSpark();

  it('accepts one signed URL for five sequential and five concurrent connections', async () => {
    const url = signTestUrl(spark().modelUrl('lite'), spark().credentials);
    const frame = requestFrame({ appId: spark().credentials.appId, domain: 'lite' });
    for (let index = 0; index < 5; index += 1) {
      expect((await converse(url, frame)).frames.at(-1)?.header.status).toBe(2);
    }
    const concurrent = await Promise.all(Array.from({ length: 5 }, () => converse(url, frame)));
    expect(concurrent.every((conversation) => conversation.frames.at(-1)?.header.status === 2)).toBe(true);
    expect(spark().connections.filter((connection) => connection.status === 101)).toHaveLength(10);
  });
});

describe("signedUrlReuse: 'reject'", () => {
  const spark = useQuietMockSpark({ signedUrlReuse: 'reject' });

  it('accepts a signed URL once, refuses it afterwards with 401, and accepts a fresh one', async () => {
    const url = signTestUrl(spark().modelUrl('lite'), spark().credentials);
    const frame = requestFrame({ appId: spark().credentials.appId, domain: 'lite' });
    expect((await converse(url, frame)).frames.at(-1)?.header.code).toBe(0);

    const refused = await expectRefused(url);
    expect(refused.status).toBe(401);
    expect(JSON.parse(refused.body)).toEqual({ message: SIGNED_URL_REUSED_MESSAGE });
    expect(refused.body).not.toContain(new URL(url).searchParams.get('authorization'));

    const fresh = signTestUrl(spark().modelUrl('lite'), {
      ...spark().credentials,
      date: new Date(Date.now() - 5_000),
    });
    expect((await converse(fresh, frame)).frames.at(-1)?.header.code).toBe(0);
  });

  it('lets only one of five concurrent connections with one signed URL open', async () => {
    const url = signTestUrl(spark().modelUrl('max'), spark().credentials);
    const outcomes = await Promise.allSettled(Array.from({ length: 5 }, () => openSocket(url)));
    const opened = outcomes.flatMap((outcome) =>
      outcome.status === 'fulfilled' ? [outcome.value.socket] : [],
    );
    expect(opened).toHaveLength(1);
    expect(
      outcomes.filter((outcome) => outcome.status === 'rejected').map((outcome) => outcome.reason.status),
    ).toEqual([401, 401, 401, 401]);
    const closed = collect(opened[0]!);
    opened[0]!.close();
    await closed;
  });

  it('keeps the queued scenario for the next accepted connection when a reuse is refused', async () => {
    // Explicit dates: two URLs signed for one path within the same second are the same URL.
    const url = signTestUrl(spark().modelUrl('lite'), {
      ...spark().credentials,
      date: new Date(Date.now() - 20_000),
    });
    const frame = requestFrame({ appId: spark().credentials.appId, domain: 'lite' });
    await converse(url, frame);
    spark().enqueue({ text: '排队的回答' });
    await expectRefused(url);
    const fresh = signTestUrl(spark().modelUrl('lite'), {
      ...spark().credentials,
      date: new Date(Date.now() - 30_000),
    });
    const { frames } = await converse(fresh, frame);
    expect(frames.map((item) => item.payload?.choices?.text[0]?.content ?? '').join('')).toBe('排队的回答');
  });
});
