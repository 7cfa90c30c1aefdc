import { SparkConnectionError } from '@xinghuo/core';
import { describe, expect, it } from 'vitest';
import { FrameQueue } from './frame-queue';

describe('FrameQueue', () => {
  it('yields pushed frames in order, then ends', async () => {
    const queue = new FrameQueue();
    queue.push('a');
    setTimeout(() => {
      queue.push('b');
      queue.end();
      queue.push('ignored');
    }, 5);
    const frames: string[] = [];
    for await (const frame of queue) frames.push(frame);
    expect(frames).toEqual(['a', 'b']);
  });

  it('throws the failure after the frames received before it', async () => {
    const queue = new FrameQueue();
    queue.push('a');
    queue.end(new SparkConnectionError('broken'));
    queue.end();
    const frames: string[] = [];
    await expect(
      (async () => {
        for await (const frame of queue) frames.push(frame);
      })(),
    ).rejects.toThrow('broken');
    expect(frames).toEqual(['a']);
  });
});
