import { describe, expect, it } from 'vitest';
import { AsyncQueue } from './async-queue';

describe('AsyncQueue', () => {
  it('delivers pushed items in order, then done after end', async () => {
    const queue = new AsyncQueue<number>();
    queue.push(1);
    queue.push(2);
    queue.end();
    queue.push(3);

    expect(await queue.next()).toEqual({ value: 1, done: false });
    expect(await queue.next()).toEqual({ value: 2, done: false });
    expect(await queue.next()).toEqual({ value: undefined, done: true });
  });

  it('resolves a waiting reader when an item arrives', async () => {
    const queue = new AsyncQueue<string>();
    const pending = queue.next();
    queue.push('later');
    expect(await pending).toEqual({ value: 'later', done: false });
  });

  it('delivers queued items before a failure, unless told to discard them', async () => {
    const kept = new AsyncQueue<number>();
    kept.push(1);
    kept.fail(new Error('boom'));
    expect(await kept.next()).toEqual({ value: 1, done: false });
    await expect(kept.next()).rejects.toThrow('boom');

    const discarded = new AsyncQueue<number>();
    discarded.push(1);
    discarded.fail(new Error('now'), true);
    await expect(discarded.next()).rejects.toThrow('now');
  });

  it('rejects a waiting reader on failure and ends it on close', async () => {
    const failing = new AsyncQueue<number>();
    const waiting = failing.next();
    failing.fail(new Error('gone'));
    await expect(waiting).rejects.toThrow('gone');

    const closing = new AsyncQueue<number>();
    const reader = closing.next();
    closing.close();
    expect(await reader).toEqual({ value: undefined, done: true });
  });

  it('ignores a failure after the end', async () => {
    const queue = new AsyncQueue<number>();
    queue.end();
    queue.fail(new Error('late'));
    expect(await queue.next()).toEqual({ value: undefined, done: true });
  });

  it('iterates with for await, keeping what was pushed before the loop started', async () => {
    const queue = new AsyncQueue<string>();
    queue.push('a');
    const items: string[] = [];
    for await (const item of queue) {
      items.push(item);
      // Runs once the loop asked for the next item and waits for it.
      if (item === 'a')
        queueMicrotask(() => {
          queue.push('b');
          queue.end();
          queue.push('ignored');
        });
    }
    expect(items).toEqual(['a', 'b']);
  });

  it('throws the failure in a for await after the items before it', async () => {
    const queue = new AsyncQueue<string>();
    queue.push('a');
    queue.fail(new Error('socket failed'));
    queue.end();
    const items: string[] = [];
    await expect(
      (async () => {
        for await (const item of queue) items.push(item);
      })(),
    ).rejects.toThrow('socket failed');
    expect(items).toEqual(['a']);
  });

  it('closes when the consumer leaves the loop early, dropping what is left', async () => {
    const queue = new AsyncQueue<string>();
    queue.push('a');
    queue.push('b');
    for await (const item of queue) {
      expect(item).toBe('a');
      break;
    }
    queue.push('after');
    expect(await queue.next()).toEqual({ value: undefined, done: true });
  });

  it('delivers a failure to next() once, then reads as ended, like an async generator that threw', async () => {
    const queue = new AsyncQueue<number>();
    queue.fail(new Error('once'));
    await expect(queue.next()).rejects.toThrow('once');
    await expect(queue.next()).resolves.toEqual({ value: undefined, done: true });
  });

  describe('listen (push mode)', () => {
    /** A listener that records what it is handed. */
    function recorder() {
      const seen: string[] = [];
      return {
        seen,
        listener: {
          item: (item: number) => seen.push(`item ${item}`),
          end: () => seen.push('end'),
          fail: (error: unknown, discarded: boolean) =>
            seen.push(`fail ${(error as Error).message} ${discarded}`),
        },
      };
    }

    it('hands over the queued items at once, then each push synchronously, then the end', () => {
      const queue = new AsyncQueue<number>();
      queue.push(1);
      queue.push(2);
      const { seen, listener } = recorder();
      queue.listen(listener);
      expect(seen).toEqual(['item 1', 'item 2']);
      queue.push(3);
      expect(seen).toEqual(['item 1', 'item 2', 'item 3']);
      queue.end();
      queue.push(4);
      expect(seen).toEqual(['item 1', 'item 2', 'item 3', 'end']);
    });

    it('delivers a failure (saying whether items were discarded), and the end of a queue that already ended', () => {
      const failing = new AsyncQueue<number>();
      const failed = recorder();
      failing.listen(failed.listener);
      failing.fail(new Error('reset'), true);
      expect(failed.seen).toEqual(['fail reset true']);

      const ended = new AsyncQueue<number>();
      ended.push(7);
      ended.end();
      const late = recorder();
      ended.listen(late.listener);
      expect(late.seen).toEqual(['item 7', 'end']);
    });

    it('stops delivering once closed', () => {
      const queue = new AsyncQueue<number>();
      const { seen, listener } = recorder();
      queue.listen(listener);
      queue.close();
      queue.push(1);
      queue.fail(new Error('late'));
      expect(seen).toEqual([]);
    });
  });
});
