import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formEncode } from './form-encode';

describe('formEncode', () => {
  it('encodes like URLSearchParams for every printable ASCII character and a few others', () => {
    let ascii = '';
    for (let code = 0x20; code < 0x7f; code += 1) ascii += String.fromCharCode(code);
    for (const value of [ascii, 'Fri, 05 May 2023 10:43:39 GMT', '127.0.0.1:8080', 'a+b/c=', '星火 🚀\n\t']) {
      expect(formEncode(value)).toBe(new URLSearchParams({ value }).toString().slice('value='.length));
    }
  });

  it('encodes like URLSearchParams for arbitrary well-formed strings', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (value) => {
        expect(formEncode(value)).toBe(new URLSearchParams({ value }).toString().slice('value='.length));
      }),
      { numRuns: 2000 },
    );
  });
});
