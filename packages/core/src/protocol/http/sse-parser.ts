/**
 * Server-sent events, parsed the way the WHATWG "event stream interpretation" says, plus the one
 * tolerance Spark needs: its `/v1` endpoint writes `data:{…}` with no space after the colon, which the
 * standard already allows (only one optional space is removed), so nothing special is needed for it.
 *
 * The parser is incremental: feed it text in pieces of any size (a network chunk can end inside a
 * line, or between the CR and LF of a CRLF) and it hands on each event as soon as a piece completes it.
 */

/**
 * Receives one dispatched event: its `data` lines joined with `\n`, and its `event` name when one was
 * sent. Plain arguments rather than an event object: a chat answer is dozens of events, each of which
 * would be an object read once and dropped.
 */
export type ServerSentEventListener = (data: string, eventName: string | undefined) => void;

/** An incremental SSE parser. */
export interface SseParser {
  /** Parses the next piece of decoded text, handing on the events it completes, in order. */
  push(text: string): void;
  /**
   * Ends the stream. An event whose lines were complete but that missed its closing blank line is
   * dispatched (some servers end without one); a last line without a line break was cut off and is
   * dropped, so a truncated JSON payload is never handed on as if it were whole.
   */
  end(): void;
}

const LINE_FEED = 0x0a;
const SPACE = 0x20;

/** Creates an {@link SseParser} that hands each event to `onEvent`. */
export function createSseParser(onEvent: ServerSentEventListener): SseParser {
  let pending = ''; // text after the last line break
  let skipLineFeed = false; // the previous piece ended in CR: a leading LF belongs to it
  // The event being read: `undefined` until its first `data` line (an event without one is not
  // dispatched). One string, not an array of lines: nearly every event has exactly one.
  let data: string | undefined;
  let eventName: string | undefined;

  function dispatch(): void {
    const completed = data;
    const name = eventName;
    data = undefined;
    eventName = undefined;
    if (completed !== undefined) onEvent(completed, name);
  }

  /**
   * Interprets the line `text[start, end)`, whose first colon is at `colon` (`-1` when it has none).
   * Read in place, by position: slicing each line out of its piece first would copy it once more
   * before its value is sliced out.
   */
  function processLine(text: string, start: number, end: number, colon: number): void {
    if (start === end) {
      dispatch();
      return;
    }
    if (colon === start) return; // a comment (keep-alives)
    if (colon === -1) colon = end; // no colon: the whole line is the field name
    let valueStart = colon + 1;
    if (valueStart < end && text.charCodeAt(valueStart) === SPACE) valueStart += 1;
    const value = valueStart < end ? text.slice(valueStart, end) : '';
    const fieldLength = colon - start;
    // Compared in place: `data` is nearly every line, and slicing the field name out would allocate.
    if (fieldLength === 4 && text.startsWith('data', start)) {
      data = data === undefined ? value : `${data}\n${value}`;
    } else if (fieldLength === 5 && text.startsWith('event', start)) {
      eventName = value;
    }
    // `id` and `retry` steer browser reconnection, which a single chat completion never uses.
  }

  return {
    push(text) {
      if (text === '') return;
      let start = 0;
      if (skipLineFeed && text.charCodeAt(0) === LINE_FEED) start = 1;
      skipLineFeed = false;
      // Line breaks are found with indexOf (native, far faster than a loop over char codes); each
      // search runs again only once the line it found has been consumed.
      // So is the next colon, which ends a line's field name: searching from each line's start instead
      // would scan past the line to the next colon, again and again for lines without one.
      let lineFeed = text.indexOf('\n', start);
      let carriageReturn = text.indexOf('\r', start);
      let colon = text.indexOf(':', start);
      while (lineFeed !== -1 || carriageReturn !== -1) {
        const isCarriageReturn = lineFeed === -1 || (carriageReturn !== -1 && carriageReturn < lineFeed);
        const end = isCarriageReturn ? carriageReturn : lineFeed;
        if (pending === '') processLine(text, start, end, colon !== -1 && colon < end ? colon : -1);
        else {
          // The line began in an earlier piece: only then is it put together as a string of its own.
          const line = pending + text.slice(start, end);
          pending = '';
          processLine(line, 0, line.length, line.indexOf(':'));
        }
        start = end + 1;
        if (isCarriageReturn) {
          // CRLF is one line break; a CR at the end of the piece may be followed by the LF in the next.
          if (start === text.length) skipLineFeed = true;
          else if (text.charCodeAt(start) === LINE_FEED) start += 1;
        }
        if (lineFeed !== -1 && lineFeed < start) lineFeed = text.indexOf('\n', start);
        if (carriageReturn !== -1 && carriageReturn < start) carriageReturn = text.indexOf('\r', start);
        if (colon !== -1 && colon < start) colon = text.indexOf(':', start);
      }
      if (start < text.length) pending += text.slice(start);
    },
    end() {
      pending = '';
      dispatch();
    },
  };
}
