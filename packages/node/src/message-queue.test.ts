import { describe, expect, it } from 'vitest';
import { MessageQueue } from './message-queue';

async function drain(queue: MessageQueue<string>): Promise<string[]> {
  const items: string[] = [];
  for await (const item of queue) items.push(item);
  return items;
}

describe('MessageQueue', () => {
  it('delivers items pushed before and during iteration, in order', async () => {
    const queue = new MessageQueue<string>();
    queue.push('a');
    const drained = drain(queue);
    queue.push('b');
    await Promise.resolve();
    queue.push('c');
    queue.end();
    queue.push('ignored');
    expect(await drained).toEqual(['a', 'b', 'c']);
  });

  it('delivers buffered items before throwing the failure, once', async () => {
    const queue = new MessageQueue<string>();
    queue.push('a');
    queue.end(new Error('socket failed'));
    const iterator = queue[Symbol.asyncIterator]();
    expect(await iterator.next()).toEqual({ value: 'a', done: false });
    await expect(iterator.next()).rejects.toThrow('socket failed');
    expect(await iterator.next()).toEqual({ value: undefined, done: true });
  });

  it('wakes a waiting reader with the failure', async () => {
    const queue = new MessageQueue<string>();
    const pending = queue[Symbol.asyncIterator]().next();
    queue.end(new Error('boom'));
    await expect(pending).rejects.toThrow('boom');
  });

  it('ends when the consumer returns early', async () => {
    const queue = new MessageQueue<string>();
    queue.push('a');
    queue.push('b');
    for await (const item of queue) {
      expect(item).toBe('a');
      break;
    }
    expect(queue.isEnded).toBe(true);
    expect(await drain(queue)).toEqual([]);
  });
});
