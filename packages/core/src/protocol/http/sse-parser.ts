/**
 * Server-sent events, parsed the way the WHATWG "event stream interpretation" says, plus the one
 * tolerance Spark needs: its `/v1` endpoint writes `data:{…}` with no space after the colon, which the
 * standard already allows (only one optional space is removed), so nothing special is needed for it.
 *
 * The parser is incremental: feed it text in pieces of any size (a network chunk can end inside a
 * line, or between the CR and LF of a CRLF) and it returns the events completed by each piece.
 */

/** One dispatched event: its `data` lines joined with `\n`, and its `event` name when one was sent. */
export interface ServerSentEvent {
  data: string;
  event?: string | undefined;
}

/** An incremental SSE parser. */
export interface SseParser {
  /** Parses the next piece of decoded text; returns the events it completed, in order. */
  push(text: string): ServerSentEvent[];
  /**
   * Ends the stream. An event whose lines were complete but that missed its closing blank line is
   * dispatched (some servers end without one); a last line without a line break was cut off and is
   * dropped, so a truncated JSON payload is never handed on as if it were whole.
   */
  end(): ServerSentEvent[];
}

/** Creates an {@link SseParser}. */
export function createSseParser(): SseParser {
  let pending = ''; // text after the last line break
  let skipLineFeed = false; // the previous piece ended in CR: a leading LF belongs to it
  let data: string[] = [];
  let eventName: string | undefined;

  function dispatch(into: ServerSentEvent[]): void {
    if (data.length > 0) {
      into.push(
        eventName === undefined ? { data: data.join('\n') } : { data: data.join('\n'), event: eventName },
      );
    }
    data = [];
    eventName = undefined;
  }

  function processLine(line: string, into: ServerSentEvent[]): void {
    if (line === '') {
      dispatch(into);
      return;
    }
    if (line.charCodeAt(0) === 0x3a) return; // ":" starts a comment (keep-alives)
    const colon = line.indexOf(':');
    const field = colon === -1 ? line : line.slice(0, colon);
    let value = colon === -1 ? '' : line.slice(colon + 1);
    if (value.charCodeAt(0) === 0x20) value = value.slice(1);
    if (field === 'data') data.push(value);
    else if (field === 'event') eventName = value;
    // `id` and `retry` steer browser reconnection, which a single chat completion never uses.
  }

  return {
    push(text) {
      const events: ServerSentEvent[] = [];
      if (text === '') return events;
      let start = 0;
      if (skipLineFeed && text.charCodeAt(0) === 0x0a) start = 1;
      skipLineFeed = false;
      // Line breaks are found with indexOf (native, far faster than a loop over char codes); each
      // search runs again only once the line it found has been consumed.
      let lineFeed = text.indexOf('\n', start);
      let carriageReturn = text.indexOf('\r', start);
      while (lineFeed !== -1 || carriageReturn !== -1) {
        const isCarriageReturn = lineFeed === -1 || (carriageReturn !== -1 && carriageReturn < lineFeed);
        const end = isCarriageReturn ? carriageReturn : lineFeed;
        processLine(pending + text.slice(start, end), events);
        pending = '';
        start = end + 1;
        if (isCarriageReturn) {
          // CRLF is one line break; a CR at the end of the piece may be followed by the LF in the next.
          if (start === text.length) skipLineFeed = true;
          else if (text.charCodeAt(start) === 0x0a) start += 1;
        }
        if (lineFeed !== -1 && lineFeed < start) lineFeed = text.indexOf('\n', start);
        if (carriageReturn !== -1 && carriageReturn < start) carriageReturn = text.indexOf('\r', start);
      }
      pending += text.slice(start);
      return events;
    },
    end() {
      const events: ServerSentEvent[] = [];
      pending = '';
      dispatch(events);
      return events;
    },
  };
}
