import { describe, expect, it } from 'vitest';
import { converse } from './helpers/raw-client.js';
import { requestFrame, type TestRequestFrame } from './helpers/request-frame.js';
import { signTestUrl } from './helpers/sign-url.js';
import { useQuietMockSpark } from './helpers/use-quiet-mock.js';

describe('request validation', () => {
  const spark = useQuietMockSpark();

  const send = (model: string, frame: unknown) =>
    converse(
      signTestUrl(spark().modelUrl(model), {
        apiKey: spark().credentials.apiKey,
        apiSecret: spark().credentials.apiSecret,
      }),
      frame,
    );
  const valid = (domain = 'generalv3.5') => requestFrame({ appId: spark().credentials.appId, domain });
  const withChanges = (change: (frame: TestRequestFrame) => void, domain?: string) => {
    const frame = valid(domain);
    change(frame);
    return frame;
  };

  async function expectErrorFrame(model: string, frame: unknown, code: number, detail: RegExp) {
    const conversation = await send(model, frame);
    expect(conversation.frames).toHaveLength(1);
    const [errorFrame] = conversation.frames;
    expect(errorFrame).toEqual({
      header: {
        code,
        message: expect.stringMatching(/^[A-Za-z]+Error:/),
        sid: expect.any(String),
        status: 2,
      },
    });
    expect(errorFrame?.header.message).toMatch(detail);
    expect(conversation.closeCode).toBe(1000);
    expect(spark().requests.at(-1)?.error?.code).toBe(code);
  }

  it('answers a frame that is not JSON with 10003', async () => {
    await expectErrorFrame('max', '{"header":', 10003, /JSON/);
  });

  it.each([
    ['header', (frame: TestRequestFrame) => Reflect.deleteProperty(frame, 'header'), /header is required/],
    ['header.app_id', (frame: TestRequestFrame) => Reflect.deleteProperty(frame.header, 'app_id'), /app_id/],
    [
      'parameter.chat.domain',
      (frame: TestRequestFrame) => Reflect.deleteProperty(frame.parameter.chat, 'domain'),
      /domain/,
    ],
    [
      'payload.message.text',
      (frame: TestRequestFrame) => Reflect.deleteProperty(frame.payload.message, 'text'),
      /text/,
    ],
    [
      'a message role',
      (frame: TestRequestFrame) => (frame.payload.message.text = [{ role: 'bot', content: 'x' }]),
      /role/,
    ],
    [
      'a late system message',
      (frame: TestRequestFrame) =>
        (frame.payload.message.text = [
          { role: 'user', content: 'a' },
          { role: 'system', content: 'b' },
        ]),
      /system/,
    ],
    [
      'a wrongly typed temperature',
      (frame: TestRequestFrame) => (frame.parameter.chat.temperature = '0.5'),
      /temperature/,
    ],
    ['a uid over 32 characters', (frame: TestRequestFrame) => (frame.header.uid = 'u'.repeat(33)), /uid/],
  ])('answers a schema error in %s with 10004', async (_name, change, detail) => {
    await expectErrorFrame('max', withChanges(change), 10004, detail);
  });

  it('answers an unknown app_id with 11200', async () => {
    await expectErrorFrame(
      'max',
      withChanges((frame) => (frame.header.app_id = 'other')),
      11200,
      /AppIdNoAuthError/,
    );
  });

  it.each([
    ['temperature 0', 'max', { temperature: 0 }],
    ['temperature 1.5', 'max', { temperature: 1.5 }],
    ['top_k 0', 'max', { top_k: 0 }],
    ['top_k 7', 'max', { top_k: 7 }],
    ['max_tokens 8193 on Max', 'max', { max_tokens: 8193 }],
    ['max_tokens 4097 on Lite', 'lite', { max_tokens: 4097 }],
    ['max_tokens 4097 on Pro-128K', 'pro-128k', { max_tokens: 4097 }],
  ])('answers %s with 10163', async (_name, model, chat) => {
    const domain = model === 'max' ? 'generalv3.5' : model;
    await expectErrorFrame(
      model,
      withChanges((frame) => Object.assign(frame.parameter.chat, chat), domain),
      10163,
      /outside/,
    );
  });

  it('accepts the boundaries: temperature 1, top_k 1 and 6, max_tokens 8192 on Max', async () => {
    for (const chat of [{ temperature: 1 }, { top_k: 1 }, { top_k: 6 }, { max_tokens: 8192 }]) {
      const conversation = await send(
        'max',
        withChanges((frame) => Object.assign(frame.parameter.chat, chat)),
      );
      expect(conversation.frames.at(-1)?.header).toMatchObject({ code: 0, status: 2 });
    }
  });

  it('answers a domain that does not belong to the path with 10163', async () => {
    await expectErrorFrame(
      'max',
      valid('generalv3'),
      10163,
      /domain generalv3 is not served at \/v3\.5\/chat/,
    );
  });

  it('answers input over the context window with 10907 (Lite: 8192 tokens)', async () => {
    const long = '星'.repeat(13_000); // ≈ 8 667 tokens at 1.5 characters per token
    await expectErrorFrame(
      'lite',
      withChanges((frame) => (frame.payload.message.text = [{ role: 'user', content: long }]), 'lite'),
      10907,
      /over the limit of 8192/,
    );
    const fits = await send(
      'pro-128k',
      withChanges((frame) => (frame.payload.message.text = [{ role: 'user', content: long }]), 'pro-128k'),
    );
    expect(fits.frames.at(-1)?.header.code).toBe(0);
  });
});
