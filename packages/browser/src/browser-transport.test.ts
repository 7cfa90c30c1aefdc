import { createHook } from 'node:async_hooks';
import { SparkConnectionError } from '@xinghuo/core';
import { describe, expect, it } from 'vitest';
import { createBrowserTransport } from './browser-transport';
import type { WebSocketEventLike } from './websocket-like';

/**
 * A scripted stand-in with browser semantics: `close()` accepts only 1000 and 3000–4999 (else it
 * throws like Chrome), and a refused handshake is an `error` event followed by close code 1006.
 */
class BrowserLikeWebSocket extends EventTarget {
  static instances: BrowserLikeWebSocket[] = [];
  readyState = 0;
  binaryType = 'blob';
  readonly sent: string[] = [];
  readonly closeCalls: { code: number | undefined; reason: string | undefined }[] = [];

  constructor(readonly url: string) {
    super();
    BrowserLikeWebSocket.instances.push(this);
  }

  send(data: string): void {
    this.sent.push(data);
  }

  close(code?: number, reason?: string): void {
    if (code !== undefined && code !== 1000 && (code < 3000 || code > 4999)) {
      throw new DOMException('The code must be 1000 or between 3000 and 4999.', 'InvalidAccessError');
    }
    this.closeCalls.push({ code, reason });
    this.readyState = 2;
  }

  override addEventListener(type: string, listener: (event: WebSocketEventLike) => void): void {
    super.addEventListener(type, listener as EventListener);
  }

  emit(type: string, fields: Record<string, unknown> = {}): void {
    if (type === 'open') this.readyState = 1;
    if (type === 'close') this.readyState = 3;
    this.dispatchEvent(Object.assign(new Event(type), fields));
  }
}

function latest(): BrowserLikeWebSocket {
  const socket = BrowserLikeWebSocket.instances.at(-1);
  if (!socket) throw new Error('no socket was created');
  return socket;
}

const transport = createBrowserTransport({ WebSocket: BrowserLikeWebSocket });

describe('createBrowserTransport with browser semantics', () => {
  it('asks for ArrayBuffer frames but still decodes Blob frames, in arrival order', async () => {
    const opening = transport('wss://spark.example/v1.1/chat', {});
    const socket = latest();
    expect(socket.binaryType).toBe('arraybuffer');
    socket.emit('open');
    const connection = await opening;
    socket.emit('message', { data: new Blob([new TextEncoder().encode('第一帧')]) });
    socket.emit('message', { data: 'second' });
    socket.emit('message', { data: new TextEncoder().encode('third').buffer });
    socket.emit('close', { code: 1000, reason: '' });
    const frames: string[] = [];
    for await (const frame of connection.messages()) frames.push(frame);
    expect(frames).toEqual(['第一帧', 'second', 'third']);
  });

  it('turns an error event and close 1006 during the handshake into one SparkConnectionError', async () => {
    const opening = transport('wss://spark.example/v1.1/chat?authorization=c2VjcmV0', {});
    const socket = latest();
    socket.emit('error');
    socket.emit('close', { code: 1006, reason: '' });
    const error = await opening.catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(SparkConnectionError);
    expect((error as SparkConnectionError).status).toBeUndefined();
    expect((error as Error).message).toMatch(/signed URL.*clock.*origin/s);
    expect((error as Error).message).not.toContain('c2VjcmV0');
  });

  it('maps close codes a browser refuses to 1000 and never throws from close()', async () => {
    const opening = transport('wss://spark.example/v1.1/chat', {});
    const socket = latest();
    socket.emit('open');
    const connection = await opening;
    expect(() => connection.close(1011, 'internal')).not.toThrow();
    expect(socket.closeCalls).toEqual([{ code: 1000, reason: 'internal' }]);
    connection.close();
    expect(socket.closeCalls).toHaveLength(1);
  });

  it('fails reading with SparkConnectionError when the socket errors after opening', async () => {
    const opening = transport('wss://spark.example/v1.1/chat', {});
    const socket = latest();
    socket.emit('open');
    const connection = await opening;
    socket.emit('message', { data: 'partial' });
    socket.emit('error');
    socket.emit('close', { code: 1006, reason: '' });
    const frames: string[] = [];
    await expect(
      (async () => {
        for await (const frame of connection.messages()) frames.push(frame);
      })(),
    ).rejects.toBeInstanceOf(SparkConnectionError);
    expect(frames).toEqual(['partial']);
  });

  it('fails reading with a protocol error on a frame that is not text or binary', async () => {
    const opening = transport('wss://spark.example/v1.1/chat', {});
    const socket = latest();
    socket.emit('open');
    const connection = await opening;
    socket.emit('message', { data: 42 });
    await expect(
      (async () => {
        for await (const _frame of connection.messages()) {
          // no frames expected
        }
      })(),
    ).rejects.toThrow(/could not be read as text/);
  });

  it('passes string frames on without a promise per frame', async () => {
    const opening = transport('wss://spark.example/v1.1/chat', {});
    const socket = latest();
    socket.emit('open');
    const connection = await opening;
    let promises = 0;
    const hook = createHook({
      init(_id, type) {
        if (type === 'PROMISE') promises += 1;
      },
    });
    hook.enable();
    try {
      for (let index = 0; index < 100; index += 1) socket.emit('message', { data: `frame ${index}` });
      socket.emit('close', { code: 1000, reason: '' });
    } finally {
      hook.disable();
    }
    expect(promises).toBe(0);
    const frames: string[] = [];
    for await (const frame of connection.messages()) frames.push(frame);
    expect(frames).toEqual(Array.from({ length: 100 }, (_, index) => `frame ${index}`));
  });

  it('keeps string frames and the end behind a Blob that is still being decoded', async () => {
    const opening = transport('wss://spark.example/v1.1/chat', {});
    const socket = latest();
    socket.emit('open');
    const connection = await opening;
    socket.emit('message', { data: 'before' });
    socket.emit('message', { data: new Blob([new TextEncoder().encode('blob')]) });
    socket.emit('message', { data: 'after' });
    socket.emit('message', { data: new TextEncoder().encode('buffer').buffer });
    socket.emit('message', { data: 'last' });
    socket.emit('close', { code: 1000, reason: '' });
    const frames: string[] = [];
    for await (const frame of connection.messages()) frames.push(frame);
    expect(frames).toEqual(['before', 'blob', 'after', 'buffer', 'last']);

    // A string frame after a Blob still follows it.
    const reopening = transport('wss://spark.example/v1.1/chat', {});
    const second = latest();
    second.emit('open');
    const again = await reopening;
    second.emit('message', { data: new Blob([new TextEncoder().encode('first')]) });
    const reader = again.messages()[Symbol.asyncIterator]();
    expect(await reader.next()).toEqual({ value: 'first', done: false });
    second.emit('message', { data: 'then' });
    second.emit('close', { code: 1000, reason: '' });
    expect(await reader.next()).toEqual({ value: 'then', done: false });
    expect(await reader.next()).toEqual({ value: undefined, done: true });
  });
});
