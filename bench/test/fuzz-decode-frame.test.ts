import { SparkError } from '@xinghuo/core';
import { decodeFrame } from '@xinghuo/core/websocket';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hostileFrame } from './support/frame-arbitraries';
import { REAL_FRAMES } from './support/real-frames';
import { scaled } from './support/scale';

/** Hostile frames decoded: 100,000 at full size, 10,000 in `npm test` (see `support/scale.ts`). */
const RUNS = scaled(100_000, 10_000);

/** Decodes `raw` and returns what came out: a frame, or the error it threw. */
function tryDecode(raw: string, partialText?: string): { frame?: unknown; error?: unknown } {
  try {
    return { frame: partialText === undefined ? decodeFrame(raw) : decodeFrame(raw, { partialText }) };
  } catch (error) {
    return { error };
  }
}

describe('decodeFrame under fuzzing', () => {
  it('decodes every real seed frame or throws the typed error its code maps to', () => {
    for (const frame of REAL_FRAMES) {
      const outcome = tryDecode(JSON.stringify(frame));
      const code = (frame.header as { code: number }).code;
      if (code === 0) expect(outcome.error).toBeUndefined();
      else expect(SparkError.isInstance(outcome.error) && outcome.error.sparkCode === code).toBe(true);
    }
  });

  it(`throws nothing but SparkError subclasses for ${RUNS.toLocaleString('en')} hostile frames`, () => {
    let decoded = 0;
    let refused = 0;
    fc.assert(
      fc.property(
        hostileFrame,
        fc.option(fc.string({ maxLength: 8 }), { nil: undefined }),
        (raw, partialText) => {
          const outcome = tryDecode(raw, partialText);
          if ('error' in outcome && outcome.error !== undefined) {
            refused += 1;
            if (!SparkError.isInstance(outcome.error)) return false;
            // A refusal always explains itself.
            return typeof outcome.error.message === 'string' && outcome.error.message.length > 0;
          }
          decoded += 1;
          const frame = outcome.frame as { status: unknown; text: unknown; reasoning: unknown };
          return [0, 1, 2].includes(frame.status as number) && typeof frame.text === 'string';
        },
      ),
      { numRuns: RUNS, seed: 20_261_125 },
    );
    // Both outcomes occur (each in more than 1 frame in 100), so the property exercised the decoder's
    // accept and refuse paths.
    expect(decoded).toBeGreaterThan(RUNS / 100);
    expect(refused).toBeGreaterThan(RUNS / 100);
  });
});
