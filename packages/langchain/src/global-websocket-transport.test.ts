import { SparkAbortError, SparkConnectionError } from '@xinghuo/core';
import { describe, expect, it } from 'vitest';
import { createWebSocketTransport, type WebSocketLike } from './global-websocket-transport';

type Listener = (event: { data?: unknown }) => void;

/** A scripted WHATWG-style socket: the test fires its events by hand. */
class FakeSocket implements WebSocketLike {
  static last: FakeSocket | undefined;
  binaryType = 'blob';
  readyState = 0;
  readonly sent: string[] = [];
  readonly closeCalls: number[] = [];
  private readonly listeners = new Map<string, Listener[]>();

  constructor(readonly url: string) {
    FakeSocket.last = this;
  }

  addEventListener(type: string, listener: Listener): void {
    this.listeners.set(type, [...(this.listeners.get(type) ?? []), listener]);
  }

  send(data: string): void {
    this.sent.push(data);
  }

  close(code = 1000): void {
    this.closeCalls.push(code);
    this.readyState = 2;
  }

  fire(type: string, data?: unknown): void {
    if (type === 'open') this.readyState = 1;
    if (type === 'close') this.readyState = 3;
    for (const listener of this.listeners.get(type) ?? []) listener({ data });
  }
}

const transport = createWebSocketTransport(FakeSocket);

describe('createWebSocketTransport', () => {
  it('yields text and binary frames in order and ends when the socket closes', async () => {
    const opening = transport('wss://example.invalid/v1.1/chat', {});
    const socket = FakeSocket.last!;
    expect(socket.binaryType).toBe('arraybuffer');
    socket.fire('open');
    const connection = await opening;
    connection.send('request');
    expect(socket.sent).toEqual(['request']);
    socket.fire('message', '{"a":1}');
    socket.fire('message', new TextEncoder().encode('{"b":2}').buffer);
    socket.fire('close');
    const frames: string[] = [];
    for await (const frame of connection.messages()) frames.push(frame);
    expect(frames).toEqual(['{"a":1}', '{"b":2}']);
  });

  it('rejects with SparkConnectionError when the handshake fails, without the URL in the message', async () => {
    const opening = transport('wss://example.invalid/chat?authorization=c2VjcmV0', {});
    FakeSocket.last!.fire('error');
    const error = await opening.catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(SparkConnectionError);
    expect((error as Error).message).not.toContain('authorization');
  });

  it('rejects with SparkAbortError and closes the socket when aborted while connecting', async () => {
    const controller = new AbortController();
    const opening = transport('wss://example.invalid/v1.1/chat', { signal: controller.signal });
    controller.abort();
    await expect(opening).rejects.toBeInstanceOf(SparkAbortError);
    expect(FakeSocket.last!.closeCalls).toHaveLength(1);
  });

  it('closes once however often close() is called', async () => {
    const opening = transport('wss://example.invalid/v1.1/chat', {});
    const socket = FakeSocket.last!;
    socket.fire('open');
    const connection = await opening;
    connection.close();
    connection.close();
    expect(socket.closeCalls).toEqual([1000]);
  });

  it('throws SparkConnectionError from messages() after a socket error', async () => {
    const opening = transport('wss://example.invalid/v1.1/chat', {});
    const socket = FakeSocket.last!;
    socket.fire('open');
    const connection = await opening;
    socket.fire('error');
    const reading = (async () => {
      for await (const _frame of connection.messages()) {
        // no frames expected
      }
    })();
    await expect(reading).rejects.toBeInstanceOf(SparkConnectionError);
  });
});
