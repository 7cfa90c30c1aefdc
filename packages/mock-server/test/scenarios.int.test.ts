import { describe, expect, it } from 'vitest';
import { startMockSpark } from '../src/index.js';
import {
  answerText,
  collect,
  converse,
  eventually,
  expectRefused,
  openSocket,
  roundTrip,
} from './helpers/raw-client.js';
import { requestFrame } from './helpers/request-frame.js';
import { signTestUrl } from './helpers/sign-url.js';
import { useQuietMockSpark } from './helpers/use-quiet-mock.js';

describe('scripted scenarios', () => {
  const spark = useQuietMockSpark({ chunkChars: 6 });

  const url = (model = 'max') =>
    signTestUrl(spark().modelUrl(model), {
      apiKey: spark().credentials.apiKey,
      apiSecret: spark().credentials.apiSecret,
    });
  const frame = (content = '你好') =>
    requestFrame({
      appId: spark().credentials.appId,
      domain: 'generalv3.5',
      messages: [{ role: 'user', content }],
    });
  const ask = (content?: string) => converse(url(), frame(content));

  it('consumes queued scenarios one per connection in FIFO order, then falls back to the default', async () => {
    spark().enqueue({ text: 'first' }, { text: 'second' });
    expect(answerText((await ask()).frames)).toBe('first');
    expect(answerText((await ask()).frames)).toBe('second');
    expect(answerText((await ask()).frames)).toContain('你好');
  });

  it('lets a handler see the request and decide, newest handler first', async () => {
    spark().use(({ request }) => ({ text: `older:${request.messages.at(-1)?.content}` }));
    spark().use(({ request, model }) =>
      request.messages.at(-1)?.content === 'pass' ? undefined : { text: `newer:${model}` },
    );
    expect(answerText((await ask('x')).frames)).toBe('newer:generalv3.5');
    expect(answerText((await ask('pass')).frames)).toBe('older:pass');
  });

  it('turns a throwing handler into an engine error frame and a throwing handshake hook into HTTP 500', async () => {
    spark().use(() => {
      throw new Error('bug in my handler');
    });
    const { frames } = await ask();
    expect(frames.map((item) => item.header.code)).toEqual([10012]);
    expect(frames[0]?.header.message).toContain('bug in my handler');
    spark().reset();
    spark().use({
      handshake: () => {
        throw new Error('bug in my hook');
      },
    });
    const failure = await expectRefused(url());
    expect(failure.status).toBe(500);
    expect(failure.body).toContain('bug in my hook');
  });

  it('rejects the handshake with any scripted status and body', async () => {
    spark().enqueue({
      reject: { status: 429, body: { message: 'slow down' }, headers: { 'Retry-After': '1' } },
    });
    const failure = await expectRefused(url());
    expect(failure.status).toBe(429);
    expect(JSON.parse(failure.body)).toEqual({ message: 'slow down' });
    expect(failure.headers['retry-after']).toBe('1');
    spark().use({ handshake: ({ path }) => ({ status: 403, body: { message: `no access to ${path}` } }) });
    expect((await expectRefused(url())).body).toContain('/v3.5/chat');
  });

  it('keeps a queued scenario for the next connection when the handshake fails auth', async () => {
    spark().enqueue({ text: 'kept' });
    await expectRefused(
      signTestUrl(spark().modelUrl('max'), { apiKey: spark().credentials.apiKey, apiSecret: 'z'.repeat(32) }),
    );
    expect(answerText((await ask()).frames)).toBe('kept');
  });

  it('sends a scripted error code as an error frame', async () => {
    spark().enqueue({ error: { code: 11202 } });
    const { frames, closeCode } = await ask();
    expect(frames).toHaveLength(1);
    expect(frames[0]?.header).toMatchObject({
      code: 11202,
      status: 2,
      message: expect.stringMatching(/^\w+Error:/),
    });
    expect(frames[0]?.payload).toBeUndefined();
    expect(closeCode).toBe(1000);
  });

  it('sends 10014 after partial output, with the same sid', async () => {
    spark().enqueue({
      text: '这是一段会被审核打断的长回答内容',
      error: { code: 10014, afterFrames: 2, message: 'OutputAuditError:blocked' },
    });
    const { frames } = await ask();
    expect(frames).toHaveLength(3);
    expect(answerText(frames.slice(0, 2))).toBe('这是一段会被审核打断的长');
    expect(frames[2]?.header).toEqual({
      code: 10014,
      message: 'OutputAuditError:blocked',
      sid: frames[0]?.header.sid,
      status: 2,
    });
  });

  it('drops the socket mid-stream without a close frame', async () => {
    spark().enqueue({ drop: { afterFrames: 2 } });
    const { frames, closeCode } = await ask();
    expect(frames).toHaveLength(2);
    expect(frames.every((item) => item.header.status !== 2)).toBe(true);
    expect(closeCode).toBe(1006);
  });

  it('stalls before the first frame until the client gives up', async () => {
    spark().enqueue({ stall: {} });
    const { socket } = await openSocket(url());
    const done = collect(socket);
    socket.send(JSON.stringify(frame()));
    await eventually(() => spark().requests.length === 1, 'the request to arrive');
    // The mock stalls as soon as it has recorded the request; a frame it sent first would beat the pong.
    await roundTrip(socket);
    expect(spark().openSockets()).toBe(1);
    socket.close(1000, 'client timeout');
    const { frames } = await done;
    expect(frames).toHaveLength(0);
  });

  it('stalls after N frames', async () => {
    spark().enqueue({ stall: { afterFrames: 2 } });
    const { socket } = await openSocket(url());
    const done = collect(socket);
    const received: string[] = [];
    socket.on('message', (data) => received.push(data.toString()));
    socket.send(JSON.stringify(frame()));
    await eventually(() => received.length === 2, 'two frames');
    // A third frame, had the mock sent one before stalling, would arrive before the pong.
    await roundTrip(socket);
    expect(received).toHaveLength(2);
    socket.close();
    await done;
  });

  it('stops streaming when the client closes mid-answer', async () => {
    spark().enqueue({ text: '一个被用户中途取消的很长的回答'.repeat(4), chunkChars: 2, latencyMs: 15 });
    const { socket } = await openSocket(url());
    const done = collect(socket, { stopAfter: 2 });
    socket.send(JSON.stringify(frame()));
    const { frames, closeCode } = await done;
    // Frames already in flight may still arrive, but the answer never reaches its final frame.
    expect(frames.length).toBeGreaterThanOrEqual(2);
    expect(frames.some((item) => item.header.status === 2)).toBe(false);
    expect(closeCode).toBe(1000);
    await eventually(() => spark().openSockets() === 0, 'the server side to close');
  });

  it('sends a malformed frame', async () => {
    spark().enqueue({ malformed: { afterFrames: 1 } });
    const { raw } = await ask();
    expect(raw).toHaveLength(2);
    expect(() => JSON.parse(raw[1] ?? '')).toThrow();
  });

  it('sends explicit frames verbatim', async () => {
    const scripted = {
      header: { code: 0, message: 'Success', sid: 'cht00000001@dx0', status: 2 },
      payload: { extra: true },
    };
    spark().enqueue({ frames: [scripted, 'not json'] });
    const { raw } = await ask();
    expect(raw).toEqual([JSON.stringify(scripted), 'not json']);
  });

  it('waits latencyMs before each frame', async () => {
    spark().enqueue({ text: 'abcdefghijkl', chunkChars: 4, latencyMs: 40 });
    const { socket } = await openSocket(url());
    const arrivals: number[] = [];
    socket.on('message', () => arrivals.push(Date.now()));
    const done = collect(socket);
    const sentAt = Date.now();
    socket.send(JSON.stringify(frame()));
    const { frames } = await done;
    expect(frames).toHaveLength(3);
    // Each frame waits for its own delay, so the last one cannot arrive before three delays have passed.
    expect((arrivals.at(-1) ?? 0) - sentAt).toBeGreaterThanOrEqual(3 * 40 - 5);
  });

  it('answers a second request on the same connection with 10007', async () => {
    spark().enqueue({ latencyMs: 30 });
    const { socket } = await openSocket(url());
    const done = collect(socket);
    socket.send(JSON.stringify(frame()));
    socket.send(JSON.stringify(frame()));
    const { frames } = await done;
    expect(frames.at(-1)?.header.code).toBe(10007);
    expect(frames.filter((item) => item.header.status === 2)).toHaveLength(1);
  });

  it('records every request with its path, model and parsed frame', async () => {
    await ask('记录我');
    expect(spark().requests).toHaveLength(1);
    const [recorded] = spark().requests;
    expect(recorded).toMatchObject({
      path: '/v3.5/chat',
      model: 'generalv3.5',
      host: expect.stringMatching(/^127\.0\.0\.1:\d+$/),
    });
    expect(recorded?.request?.messages).toEqual([{ role: 'user', content: '记录我' }]);
    expect(recorded?.frame).toEqual(frame('记录我'));
    spark().reset();
    expect(spark().requests).toHaveLength(0);
  });
});

describe('request deadline', () => {
  it('closes a connection that sends no request within requestTimeoutMs', async () => {
    const mock = await startMockSpark({ requestTimeoutMs: 50 });
    try {
      const { socket } = await openSocket(
        signTestUrl(mock.modelUrl('lite'), {
          apiKey: mock.credentials.apiKey,
          apiSecret: mock.credentials.apiSecret,
        }),
      );
      const { closeCode, frames } = await collect(socket);
      expect(closeCode).toBe(1000);
      expect(frames).toHaveLength(0);
      await eventually(() => mock.openSockets() === 0, 'the socket to close');
    } finally {
      await mock.close();
    }
  });

  it('close() ends stalled sessions and stops listening', async () => {
    const mock = await startMockSpark();
    mock.enqueue({ stall: {} });
    const { socket } = await openSocket(
      signTestUrl(mock.modelUrl('lite'), {
        apiKey: mock.credentials.apiKey,
        apiSecret: mock.credentials.apiSecret,
      }),
    );
    const done = collect(socket);
    socket.send(JSON.stringify(requestFrame({ appId: mock.credentials.appId, domain: 'lite' })));
    await eventually(() => mock.requests.length === 1, 'the request');
    await mock.close();
    expect((await done).closeCode).toBe(1006);
    expect(mock.openSockets()).toBe(0);
    await expect(openSocket(mock.modelUrl('lite'))).rejects.toMatchObject({ code: 'ECONNREFUSED' });
  });
});
