import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { StopSequenceFilter } from './stop-sequences';

function run(stops: string[], deltas: string[]): { text: string; stopped: boolean } {
  const filter = new StopSequenceFilter(stops);
  let text = '';
  for (const delta of deltas) {
    const step = filter.push(delta);
    text += step.text;
    if (step.stopped) return { text, stopped: true };
  }
  const rest = filter.flush();
  return { text: text + rest.text, stopped: rest.stopped };
}

describe('StopSequenceFilter', () => {
  it('cuts before a stop sequence split across deltas and never shows it', () => {
    const filter = new StopSequenceFilter(['END']);
    expect(filter.push('hello E')).toEqual({ text: 'hello ', stopped: false });
    expect(filter.push('N')).toEqual({ text: '', stopped: false });
    expect(filter.push('D and more')).toEqual({ text: '', stopped: true });
  });

  it('releases held-back text that turned out not to be a stop sequence', () => {
    expect(run(['END'], ['a E', 'x'])).toEqual({ text: 'a Ex', stopped: false });
    expect(run(['END'], ['tail E'])).toEqual({ text: 'tail E', stopped: false });
  });

  it('waits for a longer stop sequence that starts before a complete shorter one', () => {
    // "c。a" starts at 0, before "。" at 1: the earliest stop sequence wins once it completes.
    expect(run(['。', 'c。a'], ['c。', 'a'])).toEqual({ text: '', stopped: true });
    expect(run(['。', 'c。a'], ['c。', 'b'])).toEqual({ text: 'c', stopped: true });
    expect(run(['。', 'c。a'], ['c。'])).toEqual({ text: 'c', stopped: true });
  });

  it('is inactive without stop sequences', () => {
    expect(new StopSequenceFilter(['']).active).toBe(false);
  });

  it('yields exactly the text before the earliest stop sequence, however the text is chunked', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom('a', 'b', 'c', '。'), maxLength: 40 }),
        fc.array(fc.string({ unit: fc.constantFrom('a', 'b', 'c', '。'), minLength: 1, maxLength: 3 }), {
          minLength: 1,
          maxLength: 3,
        }),
        fc.array(fc.nat({ max: 40 }), { maxLength: 8 }),
        (text, stops, cuts) => {
          const positions = [...new Set(cuts.map((cut) => Math.min(cut, text.length)))].sort((a, b) => a - b);
          const deltas: string[] = [];
          let start = 0;
          for (const position of [...positions, text.length]) {
            deltas.push(text.slice(start, position));
            start = position;
          }
          const indexes = stops.map((stop) => text.indexOf(stop)).filter((index) => index !== -1);
          const expected = indexes.length ? text.slice(0, Math.min(...indexes)) : text;
          expect(run(stops, deltas)).toEqual({ text: expected, stopped: indexes.length > 0 });
        },
      ),
      { numRuns: 300 },
    );
  });
});
