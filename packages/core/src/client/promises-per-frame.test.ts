/**
 * What reading a stream costs in promises, per frame: each promise is an allocation and a microtask,
 * and at thousands of frames a second they were a measurable share of the SDK's CPU (issue 13).
 *
 * Counted with `async_hooks` (every promise the process creates while a stream is read), as the
 * difference between a long and a short answer, so per-request costs (connecting, the result)
 * cancel out. Frames arrive one per macrotask, as from a socket.
 */
import { createHook } from 'node:async_hooks';
import { describe, expect, it } from 'vitest';
import { AsyncQueue } from '../exchange/async-queue';
import { makeClient, QUESTION } from '../internal-test-support/client-fixtures';
import type { SparkConnection, SparkTransport } from '../protocol/websocket/transport';
import { answerFrames } from '../testing/frames';
import type { ChatStream } from './chat-stream';

/** A transport shaped like the node and browser ones: received frames go into an `AsyncQueue`. */
function socketLikeTransport(frameCount: number): SparkTransport {
  return async () => {
    const inbound = new AsyncQueue<string>();
    const frames = answerFrames('字'.repeat(frameCount), { chunkSize: 1 }).map((frame) =>
      JSON.stringify(frame),
    );
    const connection: SparkConnection = {
      send() {
        // One frame per macrotask, like a socket's `message` events.
        let index = 0;
        const deliver = () => {
          inbound.push(frames[index++] as string);
          if (index < frames.length) setImmediate(deliver);
        };
        setImmediate(deliver);
      },
      messages: () => inbound,
      close: () => inbound.close(),
    };
    return connection;
  };
}

/** Promises created while `read` consumes a streamed answer of `frameCount` frames. */
async function promisesFor(
  frameCount: number,
  read: (stream: ChatStream) => Promise<string>,
): Promise<number> {
  const client = makeClient(socketLikeTransport(frameCount));
  let promises = 0;
  const hook = createHook({
    init(_id, type) {
      if (type === 'PROMISE') promises += 1;
    },
  });
  hook.enable();
  let text: string;
  try {
    text = await read(client.stream(QUESTION));
  } finally {
    hook.disable();
  }
  expect(text).toBe('字'.repeat(frameCount));
  return promises;
}

async function promisesPerFrame(read: (stream: ChatStream) => Promise<string>): Promise<number> {
  // Warm up first, so lazily created module state is not counted.
  await promisesFor(20, read);
  // The hook sees every promise of the worker, the test runner's own messages included: that noise
  // only ever adds, so the least of a few measurements is the stream's own cost.
  let least = Number.POSITIVE_INFINITY;
  for (let round = 0; round < 3; round += 1) {
    const short = await promisesFor(20, read);
    const long = await promisesFor(1020, read);
    least = Math.min(least, (long - short) / 1000);
  }
  return least;
}

describe('promises per frame', () => {
  it('a `for await` reader of the events costs at most 2 promises per frame', async () => {
    const perFrame = await promisesPerFrame(async (stream) => {
      let text = '';
      for await (const event of stream) if (event.type === 'text-delta') text += event.text;
      return text;
    });
    expect(perFrame).toBeLessThanOrEqual(2);
  });

  it('a `textStream` reader costs no more than an events reader', async () => {
    const perFrame = await promisesPerFrame(async (stream) => {
      let text = '';
      for await (const delta of stream.textStream) text += delta;
      return text;
    });
    expect(perFrame).toBeLessThanOrEqual(2);
  });
});
