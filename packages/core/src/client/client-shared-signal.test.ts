/**
 * Many requests sharing one caller `AbortSignal`: Node warns (`MaxListenersExceededWarning`) past ten
 * 'abort' listeners on one signal, so the SDK adds one listener per signal, not one per request.
 */
import { getEventListeners } from 'node:events';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SparkAbortError } from '../errors';
import { onSharedAbort } from '../exchange/abort-fan-out';
import { makeClient, QUESTION } from '../internal-test-support/client-fixtures';
import { answerFrames, createMemoryTransport, type MemoryHandler, respondWith } from '../testing';

const REQUESTS = 25;

let warnings: Error[];
const onWarning = (warning: Error) => warnings.push(warning);
beforeEach(() => {
  warnings = [];
  process.on('warning', onWarning);
});
afterEach(() => {
  process.off('warning', onWarning);
});

/** A handler that keeps every request waiting, and a promise of the moment `count` requests arrived. */
function holdRequests(count: number): { handler: MemoryHandler; allArrived: Promise<void> } {
  let arrived = 0;
  let resolveAll!: () => void;
  const allArrived = new Promise<void>((resolve) => {
    resolveAll = resolve;
  });
  const handler: MemoryHandler = async (server) => {
    await server.request;
    arrived += 1;
    if (arrived === count) resolveAll();
  };
  return { handler, allArrived };
}

/** Lets `process.emitWarning` (which emits on the next tick) deliver anything pending. */
function warningsDelivered(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

describe('one AbortSignal shared by many requests', () => {
  it(`${REQUESTS} concurrent requests: no MaxListenersExceededWarning, and the abort reaches every one`, async () => {
    const { handler, allArrived } = holdRequests(REQUESTS);
    const transport = createMemoryTransport(handler);
    const client = makeClient(transport);
    const controller = new AbortController();

    const outcomes = Array.from({ length: REQUESTS }, () =>
      client.chat(QUESTION, { signal: controller.signal }).catch((error: unknown) => error),
    );
    await allArrived;
    expect(getEventListeners(controller.signal, 'abort')).toHaveLength(1);

    controller.abort(new Error('user left'));
    const errors = await Promise.all(outcomes);
    for (const error of errors) {
      expect(error).toBeInstanceOf(SparkAbortError);
      expect((error as Error).cause).toEqual(new Error('user left'));
    }
    expect(transport.openConnections()).toHaveLength(0);
    await warningsDelivered();
    expect(warnings.filter((warning) => warning.name === 'MaxListenersExceededWarning')).toEqual([]);
  });

  it('removes its one listener once every request sharing the signal has settled', async () => {
    const client = makeClient(createMemoryTransport(respondWith(answerFrames('好'))));
    const controller = new AbortController();
    const results = await Promise.all(
      Array.from({ length: REQUESTS }, () => client.chat(QUESTION, { signal: controller.signal })),
    );
    expect(results.map((result) => result.text)).toEqual(Array(REQUESTS).fill('好'));
    expect(getEventListeners(controller.signal, 'abort')).toHaveLength(0);
    await warningsDelivered();
    expect(warnings.filter((warning) => warning.name === 'MaxListenersExceededWarning')).toEqual([]);
  });
});

describe('onSharedAbort', () => {
  it('calls every subscriber once, in order, through a single listener', () => {
    const controller = new AbortController();
    const calls: number[] = [];
    const disposers = [1, 2, 3].map((index) => onSharedAbort(controller.signal, () => calls.push(index)));
    expect(getEventListeners(controller.signal, 'abort')).toHaveLength(1);
    disposers[1]?.();
    controller.abort();
    controller.abort();
    expect(calls).toEqual([1, 3]);
    expect(getEventListeners(controller.signal, 'abort')).toHaveLength(0);
  });

  it('a disposer called twice, or after the abort, does nothing', () => {
    const controller = new AbortController();
    const dispose = onSharedAbort(controller.signal, () => {});
    const other = onSharedAbort(controller.signal, () => {});
    dispose();
    dispose();
    expect(getEventListeners(controller.signal, 'abort')).toHaveLength(1);
    controller.abort();
    other();
    expect(getEventListeners(controller.signal, 'abort')).toHaveLength(0);
  });
});
