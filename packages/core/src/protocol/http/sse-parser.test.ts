import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SseParser } from './sse-parser';

interface ServerSentEvent {
  data: string;
  event?: string;
}

function parseAll(pieces: readonly string[]): ServerSentEvent[] {
  const events: ServerSentEvent[] = [];
  const parser = new SseParser((data, event) =>
    events.push(event === undefined ? { data } : { data, event }),
  );
  for (const piece of pieces) parser.push(piece);
  parser.end();
  return events;
}

describe('SseParser', () => {
  it('reads data with and without a space after the colon', () => {
    expect(parseAll(['data:{"a":1}\n\ndata: {"b":2}\n\n'])).toEqual([
      { data: '{"a":1}' },
      { data: '{"b":2}' },
    ]);
  });

  it('removes only one leading space', () => {
    expect(parseAll(['data:  two spaces\n\n'])).toEqual([{ data: ' two spaces' }]);
  });

  it('accepts both spellings of [DONE]', () => {
    expect(parseAll(['data:[DONE]\n\n', 'data: [DONE]\n\n'])).toEqual([
      { data: '[DONE]' },
      { data: '[DONE]' },
    ]);
  });

  it('ignores comments and keep-alive lines', () => {
    expect(parseAll([': keep-alive\n\n:\n\ndata:x\n: ping\n\n'])).toEqual([{ data: 'x' }]);
  });

  it('treats CRLF, CR and LF alike', () => {
    expect(parseAll(['data:a\r\n\r\ndata:b\r\rdata:c\n\n'])).toEqual([
      { data: 'a' },
      { data: 'b' },
      { data: 'c' },
    ]);
  });

  it('does not count a CRLF split across two pieces as two line breaks', () => {
    expect(parseAll(['data:a\r', '\ndata:b\r', '\n\r', '\n'])).toEqual([{ data: 'a\nb' }]);
  });

  it('keeps a pending CR across an empty piece', () => {
    expect(parseAll(['data:a\r', '', '\ndata:b\n\n'])).toEqual([{ data: 'a\nb' }]);
  });

  it('joins multi-line data with a line feed and keeps the event name', () => {
    expect(parseAll(['event: error\ndata: one\ndata: two\n\n'])).toEqual([
      { data: 'one\ntwo', event: 'error' },
    ]);
  });

  it('ignores id, retry and unknown fields, and lines without a colon other than data', () => {
    expect(parseAll(['id: 7\nretry: 10\nfoo: bar\nnocolon\ndata:x\n\n'])).toEqual([{ data: 'x' }]);
  });

  it('reads a line without a colon as a field with an empty value, and keeps colons inside a value', () => {
    expect(parseAll(['data\ndata:a:b\nevent\n\n'])).toEqual([{ data: '\na:b', event: '' }]);
    expect(parseAll(['x\ny\ndata:{"k":"v"}\n\n'])).toEqual([{ data: '{"k":"v"}' }]);
  });

  it('dispatches nothing for an event without data lines', () => {
    expect(parseAll(['event: ping\n\n'])).toEqual([]);
  });

  it('dispatches complete lines at the end even without the closing blank line', () => {
    expect(parseAll(['data:[DONE]\n'])).toEqual([{ data: '[DONE]' }]);
  });

  it('drops a last line that has no line break, since it was cut off', () => {
    expect(parseAll(['data:{"a":1}\n\ndata:{"choi'])).toEqual([{ data: '{"a":1}' }]);
  });

  it('gives the same events however the text is split', () => {
    const line = fc.oneof(
      fc.string({ unit: 'grapheme', maxLength: 12 }).map((text) => `data:${text.replace(/[\r\n]/g, '')}`),
      fc.string({ unit: 'grapheme', maxLength: 12 }).map((text) => `data: ${text.replace(/[\r\n]/g, '')}`),
      fc.constant(': keep-alive'),
      fc.constant('event: message'),
      fc.constant(''),
    );
    const separator = fc.constantFrom('\n', '\r\n', '\r');
    const document = fc
      .array(fc.tuple(line, separator), { maxLength: 20 })
      .map((lines) => lines.map(([text, end]) => text + end).join('') + '\n');
    fc.assert(
      fc.property(document, fc.array(fc.nat(), { maxLength: 10 }), (text, cuts) => {
        const positions = [...new Set(cuts.map((cut) => cut % (text.length + 1)))].sort((a, b) => a - b);
        const pieces: string[] = [];
        let start = 0;
        for (const position of positions) {
          pieces.push(text.slice(start, position));
          start = position;
        }
        pieces.push(text.slice(start));
        expect(parseAll(pieces)).toEqual(parseAll([text]));
      }),
    );
  });

  it('reads CR and CRLF line breaks exactly as LF ones, for any mix of them', () => {
    const line = fc.oneof(
      fc.string({ unit: 'grapheme', maxLength: 12 }).map((text) => `data:${text.replace(/[\r\n]/g, '')}`),
      fc.constant(': keep-alive'),
      fc.constant(''),
    );
    const separator = fc.constantFrom('\n', '\r\n', '\r');
    const document = fc
      .array(fc.tuple(line, separator), { minLength: 1, maxLength: 20 })
      .map((lines) => lines.map(([text, end]) => text + end).join('') + '\n');
    fc.assert(
      fc.property(document, (text) => {
        expect(parseAll([text])).toEqual(parseAll([text.split(/\r\n|\r|\n/).join('\n')]));
      }),
    );
  });
});
