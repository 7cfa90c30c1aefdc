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
    let cut = -1;
    for (const stop of this.stops) {
      const index = text.indexOf(stop);
      if (index !== -1 && (cut === -1 || index < cut)) cut = index;
    }
    if (cut !== -1) {
      this.pending = '';
      return { text: text.slice(0, cut), stopped: true };
    }
    const held = this.heldBackLength(text);
    this.pending = text.slice(text.length - held);
    return { text: text.slice(0, text.length - held), stopped: false };
  }

  /** Releases the held-back text at the end of the answer. */
  flush(): string {
    const rest = this.pending;
    this.pending = '';
    return rest;
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
