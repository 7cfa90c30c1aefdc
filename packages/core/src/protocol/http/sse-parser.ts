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

const LINE_FEED = 0x0a;
const SPACE = 0x20;

/**
 * An incremental SSE parser that hands each event to its listener. A class rather than closures over
 * local state: one object per answer instead of a context and a function object per method.
 */
export class SseParser {
  readonly #onEvent: ServerSentEventListener;
  /** Text after the last line break. */
  #pending = '';
  /** The previous piece ended in CR: a leading LF belongs to it. */
  #skipLineFeed = false;
  /**
   * The `data` of the event being read: `undefined` until its first `data` line (an event without one
   * is not dispatched). One string, not an array of lines: nearly every event has exactly one.
   */
  #data: string | undefined;
  #eventName: string | undefined;

  constructor(onEvent: ServerSentEventListener) {
    this.#onEvent = onEvent;
  }

  /** Parses the next piece of decoded text, handing on the events it completes, in order. */
  push(text: string): void {
    if (text === '') return;
    let start = 0;
    if (this.#skipLineFeed && text.charCodeAt(0) === LINE_FEED) start = 1;
    this.#skipLineFeed = false;
    // Line breaks are found with indexOf (native, far faster than a loop over char codes); each
    // search runs again only once the line it found has been consumed. So is the next colon, which
    // ends a line's field name: searching from each line's start instead would scan past the line to
    // the next colon, again and again for lines without one.
    let lineFeed = text.indexOf('\n', start);
    let carriageReturn = text.indexOf('\r', start);
    let colon = text.indexOf(':', start);
    while (lineFeed !== -1 || carriageReturn !== -1) {
      const isCarriageReturn = lineFeed === -1 || (carriageReturn !== -1 && carriageReturn < lineFeed);
      const end = isCarriageReturn ? carriageReturn : lineFeed;
      if (this.#pending === '') this.#processLine(text, start, end, colon !== -1 && colon < end ? colon : -1);
      else {
        // The line began in an earlier piece: only then is it put together as a string of its own.
        const line = this.#pending + text.slice(start, end);
        this.#pending = '';
        this.#processLine(line, 0, line.length, line.indexOf(':'));
      }
      start = end + 1;
      if (isCarriageReturn) {
        // CRLF is one line break; a CR at the end of the piece may be followed by the LF in the next.
        if (start === text.length) this.#skipLineFeed = true;
        else if (text.charCodeAt(start) === LINE_FEED) start += 1;
      }
      if (lineFeed !== -1 && lineFeed < start) lineFeed = text.indexOf('\n', start);
      if (carriageReturn !== -1 && carriageReturn < start) carriageReturn = text.indexOf('\r', start);
      if (colon !== -1 && colon < start) colon = text.indexOf(':', start);
    }
    if (start < text.length) this.#pending += text.slice(start);
  }

  /**
   * Ends the stream. An event whose lines were complete but that missed its closing blank line is
   * dispatched (some servers end without one); a last line without a line break was cut off and is
   * dropped, so a truncated JSON payload is never handed on as if it were whole.
   */
  end(): void {
    this.#pending = '';
    this.#dispatch();
  }

  #dispatch(): void {
    const data = this.#data;
    const eventName = this.#eventName;
    this.#data = undefined;
    this.#eventName = undefined;
    if (data !== undefined) this.#onEvent(data, eventName);
  }

  /**
   * Interprets the line `text[start, end)`, whose first colon is at `colon` (`-1` when it has none).
   * Read in place, by position: slicing each line out of its piece first would copy it once more
   * before its value is sliced out.
   */
  #processLine(text: string, start: number, end: number, colon: number): void {
    if (start === end) {
      this.#dispatch();
      return;
    }
    if (colon === start) return; // a comment (keep-alives)
    const nameEnd = colon === -1 ? end : colon; // no colon: the whole line is the field name
    let valueStart = nameEnd + 1;
    if (valueStart < end && text.charCodeAt(valueStart) === SPACE) valueStart += 1;
    const value = valueStart < end ? text.slice(valueStart, end) : '';
    const nameLength = nameEnd - start;
    // Compared in place: `data` is nearly every line, and slicing the field name out would allocate.
    if (nameLength === 4 && text.startsWith('data', start)) {
      this.#data = this.#data === undefined ? value : `${this.#data}\n${value}`;
    } else if (nameLength === 5 && text.startsWith('event', start)) {
      this.#eventName = value;
    }
    // `id` and `retry` steer browser reconnection, which a single chat completion never uses.
  }
}
