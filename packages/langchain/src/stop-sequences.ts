/**
 * Client-side stop sequences. Spark has no `stop` parameter, so ChatSpark watches the streamed text,
 * cuts it before the first stop sequence and closes the socket. Text that could be the start of a stop
 * sequence is held back until the next delta decides, so a stop sequence split across frames is found
 * and never shown.
 */

/** What one delta yields. */
export interface StopFilterStep {
  /** Text safe to emit now. */
  text: string;
  /** A stop sequence was found: emit `text`, then end the answer. */
  stopped: boolean;
}

/** Streams text through a set of stop sequences. */
export class StopSequenceFilter {
  private readonly stops: readonly string[];
  private pending = '';

  /** @param stops - the stop sequences; empty strings are ignored */
  constructor(stops: readonly string[]) {
    this.stops = stops.filter((stop) => stop.length > 0);
  }

  /** True when there is at least one stop sequence to watch for. */
  get active(): boolean {
    return this.stops.length > 0;
  }

  /** Feeds one delta. */
  push(delta: string): StopFilterStep {
    const text = this.pending + delta;
    const cut = this.earliestMatch(text);
    // Text from `undecided` on could still become a stop sequence with the next delta. A complete match
    // is final only when no stop sequence that starts before it is still incomplete.
    const undecided = text.length - this.heldBackLength(text);
    if (cut !== -1 && cut <= undecided) {
      this.pending = '';
      return { text: text.slice(0, cut), stopped: true };
    }
    this.pending = text.slice(undecided);
    return { text: text.slice(0, undecided), stopped: false };
  }

  /** Releases the held-back text at the end of the answer, still cut before a complete stop sequence. */
  flush(): StopFilterStep {
    const rest = this.pending;
    this.pending = '';
    const cut = this.earliestMatch(rest);
    return cut === -1 ? { text: rest, stopped: false } : { text: rest.slice(0, cut), stopped: true };
  }

  /** Index of the earliest complete stop sequence in `text`, or -1. */
  private earliestMatch(text: string): number {
    let cut = -1;
    for (const stop of this.stops) {
      const index = text.indexOf(stop);
      if (index !== -1 && (cut === -1 || index < cut)) cut = index;
    }
    return cut;
  }

  /** Length of the longest tail of `text` that begins some stop sequence. */
  private heldBackLength(text: string): number {
    let longest = 0;
    for (const stop of this.stops) {
      for (let length = Math.min(stop.length - 1, text.length); length > longest; length--) {
        if (text.endsWith(stop.slice(0, length))) {
          longest = length;
          break;
        }
      }
    }
    return longest;
  }
}
