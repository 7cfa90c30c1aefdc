import type { MockSpark } from '../../src/index.js';

/**
 * Installs a hook that holds every request until `count` of them are being answered at once, then
 * lets them all go: a capacity test that passes this gate proves the requests were concurrent.
 * Resolves when the last one has arrived.
 */
export function holdUntilAllArrive(mock: Pick<MockSpark, 'use'>, count: number): Promise<void> {
  let release!: () => void;
  const gate = new Promise<void>((resolve) => {
    release = resolve;
  });
  let waiting = 0;
  mock.use(async () => {
    waiting += 1;
    if (waiting === count) release();
    await gate;
    return undefined;
  });
  return gate;
}
