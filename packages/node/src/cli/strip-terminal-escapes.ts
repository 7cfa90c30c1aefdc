/**
 * Removes terminal control and escape sequences from untrusted text (model output, Spark error
 * messages, anything else that came from the network) before the CLI prints it.
 *
 * A model can be prompted into emitting `ESC]2;…BEL` (set the window title), `ESC]8;;url ST` (a link
 * whose target is hidden), `ESC[8m` (invisible text), `ESC[2J` (clear the screen) or a DCS string
 * some terminals act on. None of that may reach the terminal; the CLI's own colours are added after
 * this filter and are not affected.
 *
 * What is removed: every escape sequence (CSI, OSC, DCS, SOS, PM, APC, two- and three-character ESC
 * sequences) whether introduced by ESC or by its 8-bit C1 form, every other C1 control
 * (U+0080–U+009F), every C0 control except newline and tab (BEL, backspace, carriage return, …), DEL,
 * and a lone ESC. What is kept: all other text, `\n` and `\t`.
 *
 * The filter is a small state machine that follows ECMA-48 closely enough that a sequence is removed
 * whole (its parameters do not leak as text) and a malformed one cannot smuggle an ESC through.
 */

const ESC = 0x1b;
const BEL = 0x07;
const TAB = 0x09;
const NEWLINE = 0x0a;
const CANCEL = 0x18;
const SUBSTITUTE = 0x1a;
const DEL = 0x7f;
const C1_DCS = 0x90;
const C1_SOS = 0x98;
const C1_CSI = 0x9b;
const C1_ST = 0x9c;
const C1_OSC = 0x9d;
const C1_PM = 0x9e;
const C1_APC = 0x9f;

type State =
  /** Plain text. */
  | 'text'
  /** After ESC. */
  | 'escape'
  /** After ESC and one or more intermediate bytes (0x20–0x2F), e.g. `ESC ( B`. */
  | 'escape-intermediate'
  /** Inside a control sequence (CSI): parameters and intermediates until a final byte. */
  | 'csi'
  /** Inside a control string (OSC, DCS, SOS, PM, APC) until BEL or the string terminator. */
  | 'string'
  /** ESC seen inside a control string: `ESC \` terminates it. */
  | 'string-escape';

/** True for characters that are never printed: C0 (but `\n`, `\t`), DEL and C1. */
function isControl(code: number): boolean {
  if (code === NEWLINE || code === TAB) return false;
  return code < 0x20 || (code >= DEL && code <= 0x9f);
}

/** What to do with one character: print it, drop it, or read it again in the new state. */
type Verdict = 'print' | 'drop' | 'reread';

/** Introducers of control strings after ESC: `]` OSC, `P` DCS, `X` SOS, `^` PM, `_` APC. */
const STRING_INTRODUCERS = new Set([0x5d, 0x50, 0x58, 0x5e, 0x5f]);
const C1_STRING_INTRODUCERS = new Set([C1_OSC, C1_DCS, C1_SOS, C1_PM, C1_APC]);

/** One transition of the filter: the next state and what becomes of the character `code`. */
function step(state: State, code: number): [State, Verdict] {
  if (state === 'text') {
    if (!isControl(code)) return ['text', 'print'];
    if (code === ESC) return ['escape', 'drop'];
    if (code === C1_CSI) return ['csi', 'drop'];
    if (C1_STRING_INTRODUCERS.has(code)) return ['string', 'drop'];
    return ['text', 'drop'];
  }
  // CAN and SUB cancel any sequence in progress (and are not printed themselves).
  if (code === CANCEL || code === SUBSTITUTE) return ['text', 'drop'];
  // A malformed sequence ends at the first character that cannot belong to it; that character is
  // read again as text, where a control is dropped and anything else printed.
  const malformed: [State, Verdict] = ['text', 'reread'];
  switch (state) {
    case 'escape':
      if (code === 0x5b) return ['csi', 'drop'];
      if (STRING_INTRODUCERS.has(code)) return ['string', 'drop'];
      if (code >= 0x20 && code <= 0x2f) return ['escape-intermediate', 'drop'];
      if (code >= 0x30 && code <= 0x7e) return ['text', 'drop'];
      return code === ESC ? ['escape', 'drop'] : malformed;
    case 'escape-intermediate':
      if (code >= 0x20 && code <= 0x2f) return ['escape-intermediate', 'drop'];
      return code >= 0x30 && code <= 0x7e ? ['text', 'drop'] : malformed;
    case 'csi':
      // Parameters 0x30–0x3F, intermediates 0x20–0x2F, then one final byte 0x40–0x7E.
      if (code >= 0x20 && code <= 0x3f) return ['csi', 'drop'];
      return code >= 0x40 && code <= 0x7e ? ['text', 'drop'] : malformed;
    case 'string':
      if (code === BEL || code === C1_ST) return ['text', 'drop'];
      return [code === ESC ? 'string-escape' : 'string', 'drop'];
    case 'string-escape':
      // `ESC \` is the string terminator; any other ESC ends the string and starts a new sequence.
      return code === 0x5c ? ['text', 'drop'] : ['escape', 'reread'];
  }
}

/** A streaming filter: sequences split across chunks are still removed whole. */
export interface TerminalTextFilter {
  /** Filters the next chunk; an unfinished sequence at its end is held until the next chunk. */
  write(chunk: string): string;
  /** Ends the text: an unfinished sequence is dropped (nothing held is ever printed). */
  end(): string;
}

/**
 * Creates a streaming filter for text that arrives in pieces (streamed deltas), so that
 * `ESC` at the end of one delta and `[2J` at the start of the next are removed together.
 */
export function createTerminalTextFilter(): TerminalTextFilter {
  let state: State = 'text';
  return {
    write(chunk) {
      let output = '';
      let runStart = -1;
      for (let index = 0; index < chunk.length; ) {
        const [next, verdict] = step(state, chunk.charCodeAt(index));
        state = next;
        // Copy printable runs in one slice rather than character by character.
        if (verdict === 'print' && runStart < 0) runStart = index;
        if (verdict !== 'print' && runStart >= 0) {
          output += chunk.slice(runStart, index);
          runStart = -1;
        }
        if (verdict !== 'reread') index += 1;
      }
      return runStart >= 0 ? output + chunk.slice(runStart) : output;
    },
    end() {
      state = 'text';
      return '';
    },
  };
}

/**
 * Returns `text` without terminal control or escape sequences; newlines and tabs are kept.
 *
 * @example
 * ```ts
 * stripTerminalEscapes('\x1b]2;pwned\x07hi\x1b[8m!'); // 'hi!'
 * ```
 */
export function stripTerminalEscapes(text: string): string {
  const filter = createTerminalTextFilter();
  return filter.write(text) + filter.end();
}

/**
 * Returns a copy of a JSON-compatible value with every string (keys included) passed through
 * {@link stripTerminalEscapes}, for `--json` output whose strings a user may print with `jq -r`.
 */
export function stripTerminalEscapesDeep<T>(value: T): T {
  if (typeof value === 'string') return stripTerminalEscapes(value) as T;
  if (Array.isArray(value)) return value.map((item) => stripTerminalEscapesDeep(item)) as T;
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(
      Object.entries(value).map(([key, item]) => [stripTerminalEscapes(key), stripTerminalEscapesDeep(item)]),
    ) as T;
  }
  return value;
}
