import { describe, expect, it } from 'vitest';
import { onAbort } from './abort';
import { ExchangeSignal } from './exchange-signal';

describe('ExchangeSignal', () => {
  it('calls its listeners once, in order, with the reason set, and never after a second abort', () => {
    const signal = new ExchangeSignal();
    const calls: string[] = [];
    onAbort(signal, () => calls.push(`first ${String(signal.reason)}`));
    onAbort(signal, () => calls.push('second'));
    expect([signal.aborted, signal.reason]).toEqual([false, undefined]);
    signal.abort('why');
    signal.abort('again');
    expect(calls).toEqual(['first why', 'second']);
    expect([signal.aborted, signal.reason]).toEqual([true, 'why']);
  });

  it('forgets a listener whose disposer ran, and ignores one added after the abort', () => {
    const signal = new ExchangeSignal();
    const calls: string[] = [];
    const dispose = onAbort(signal, () => calls.push('removed'));
    onAbort(signal, () => calls.push('kept'));
    dispose();
    dispose();
    signal.abort(new Error('stop'));
    onAbort(signal, () => calls.push('late'));
    expect(calls).toEqual(['kept']);
  });
});
