import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { unsafeCharacters } from '../../test/unsafe-characters';
import {
  createTerminalTextFilter,
  stripTerminalEscapes,
  stripTerminalEscapesDeep,
} from './strip-terminal-escapes';

describe('stripTerminalEscapes', () => {
  it.each([
    ['OSC 2 (window title), BEL-terminated', 'a\x1b]2;pwned\x07b', 'ab'],
    ['OSC 0 (title), ST-terminated', 'a\x1b]0;pwned\x1b\\b', 'ab'],
    ['OSC 8 link with a hidden target', '\x1b]8;;https://evil.example/\x1b\\click\x1b]8;;\x1b\\', 'click'],
    ['OSC 52 clipboard write', 'x\x1b]52;c;cm0gLXJmIH4=\x07y', 'xy'],
    ['SGR 8 (hidden text)', 'see \x1b[8msecret\x1b[0m this', 'see secret this'],
    ['SGR colours with several parameters', '\x1b[1;31;48;5;200mred\x1b[m', 'red'],
    ['ED (clear the screen) and cursor home', '\x1b[2J\x1b[Hhello', 'hello'],
    ['CSI with private parameters (hide cursor)', 'a\x1b[?25lb', 'ab'],
    ['DCS string', 'a\x1bP1$r0m\x1b\\b', 'ab'],
    ['APC, PM and SOS strings', '1\x1b_apc\x1b\\2\x1b^pm\x1b\\3\x1bXsos\x1b\\4', '1234'],
    ['8-bit CSI (C1)', 'a\x9b2Jb', 'ab'],
    ['8-bit OSC ended by 8-bit ST', 'a\x9d2;title\x9cb', 'ab'],
    ['other C1 controls (NEL, IND)', 'a\x85b\x84c', 'abc'],
    ['two-character ESC sequences (RIS, DECSC)', 'a\x1bcb\x1b7c', 'abc'],
    ['charset designation with an intermediate', 'a\x1b(0b', 'ab'],
    ['a lone ESC at the end', 'abc\x1b', 'abc'],
    ['BEL, backspace and DEL', 'a\x07b\x08c\x7fd', 'abcd'],
    ['carriage return (line overwrite)', 'safe\rEVIL\r\n', 'safeEVIL\n'],
    ['an unterminated OSC swallows the rest', 'a\x1b]2;never ends', 'a'],
    ['CAN cancels a sequence', 'a\x1b[12\x18b', 'ab'],
    ['ESC inside an OSC starts a new sequence', 'a\x1b]2;t\x1b[31mb', 'ab'],
    ['a malformed CSI does not eat the next character', 'a\x1b[12你好', 'a你好'],
  ])('removes %s', (_name, input, expected) => {
    expect(stripTerminalEscapes(input)).toBe(expected);
  });

  it('keeps text, newlines, tabs, CJK and emoji unchanged', () => {
    const text = '第一行\n\tsecond line — ✓ 🚀 [not an escape] ]also not';
    expect(stripTerminalEscapes(text)).toBe(text);
  });

  it('never lets a control character through, whatever the input (property)', () => {
    const controlHeavy = fc.string({
      unit: fc.oneof(
        fc.constantFrom(
          '\x1b',
          '[',
          ']',
          '\\',
          'P',
          '_',
          '^',
          'X',
          ';',
          '2',
          '8',
          'm',
          'J',
          '\x07',
          '\x9b',
          '\x9c',
        ),
        fc.integer({ min: 0, max: 0x9f }).map((code) => String.fromCharCode(code)),
        fc.string({ unit: 'grapheme', maxLength: 2 }),
      ),
      maxLength: 60,
    });
    fc.assert(
      fc.property(controlHeavy, (input) => {
        expect(unsafeCharacters(stripTerminalEscapes(input))).toEqual([]);
      }),
      { numRuns: 2_000 },
    );
  });

  it('gives the same result however the text is split into chunks (property)', () => {
    fc.assert(
      fc.property(
        fc.string({
          unit: fc.constantFrom('\x1b', '[', ']', '\\', '2', 'J', ';', '\x07', 'a', '你', '\n'),
          maxLength: 40,
        }),
        fc.array(fc.nat(40), { maxLength: 6 }),
        (input, cuts) => {
          const points = [...new Set(cuts.filter((cut) => cut < input.length))].sort((a, b) => a - b);
          const filter = createTerminalTextFilter();
          let output = '';
          let start = 0;
          for (const point of [...points, input.length]) {
            output += filter.write(input.slice(start, point));
            start = point;
          }
          output += filter.end();
          expect(output).toBe(stripTerminalEscapes(input));
        },
      ),
      { numRuns: 2_000 },
    );
  });

  it('removes a sequence split across streamed chunks whole', () => {
    const filter = createTerminalTextFilter();
    const parts = ['before \x1b', '[2', 'J after \x1b]8;;https://e', 'vil.example/\x07link'].map((part) =>
      filter.write(part),
    );
    expect(parts.join('') + filter.end()).toBe('before  after link');
  });
});

describe('stripTerminalEscapesDeep', () => {
  it('filters every string of a JSON value, keys included, and keeps the rest', () => {
    const value = { 'k\x1b[2Jey': ['a\x1b]2;t\x07b', 1, null, true], nested: { text: '\x9b8mhi\n' } };
    expect(stripTerminalEscapesDeep(value)).toEqual({ key: ['ab', 1, null, true], nested: { text: 'hi\n' } });
  });
});
