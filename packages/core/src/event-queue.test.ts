import { describe, expect, it } from 'vitest';
import { EventQueue } from './event-queue';

describe('EventQueue', () => {
  it('delivers pushed items in order, then done after end', async () => {
    const queue = new EventQueue<number>();
    queue.push(1);
    queue.push(2);
    queue.end();
    queue.push(3);

    expect(await queue.next()).toEqual({ value: 1, done: false });
    expect(await queue.next()).toEqual({ value: 2, done: false });
    expect(await queue.next()).toEqual({ value: undefined, done: true });
  });

  it('resolves a waiting reader when an item arrives', async () => {
    const queue = new EventQueue<string>();
    const pending = queue.next();
    queue.push('later');
    expect(await pending).toEqual({ value: 'later', done: false });
  });

  it('delivers queued items before a failure, unless told to discard them', async () => {
    const kept = new EventQueue<number>();
    kept.push(1);
    kept.fail(new Error('boom'));
    expect(await kept.next()).toEqual({ value: 1, done: false });
    await expect(kept.next()).rejects.toThrow('boom');

    const discarded = new EventQueue<number>();
    discarded.push(1);
    discarded.fail(new Error('now'), true);
    await expect(discarded.next()).rejects.toThrow('now');
  });

  it('rejects a waiting reader on failure and ends it on close', async () => {
    const failing = new EventQueue<number>();
    const waiting = failing.next();
    failing.fail(new Error('gone'));
    await expect(waiting).rejects.toThrow('gone');

    const closing = new EventQueue<number>();
    const reader = closing.next();
    closing.close();
    expect(await reader).toEqual({ value: undefined, done: true });
  });

  it('ignores a failure after the end', async () => {
    const queue = new EventQueue<number>();
    queue.end();
    queue.fail(new Error('late'));
    expect(await queue.next()).toEqual({ value: undefined, done: true });
  });
});
