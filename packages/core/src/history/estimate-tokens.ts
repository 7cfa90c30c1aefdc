/**
 * A tokenizer-free token estimate calibrated on iFlytek's own rule of thumb (spec §3.4): one token is
 * about 1.5 Chinese characters or 0.8 English words. Good enough to trim history before Spark answers
 * 10907; plug in a real tokenizer through `trimHistory({ estimator })` when exactness matters.
 */
import { SparkInvalidRequestError } from '../errors/error-classes';

/** Counts the tokens of one text. Must return a finite number ≥ 0. */
export type TokenEstimator = (text: string) => number;

const TOKENS_PER_CJK_CHARACTER = 1 / 1.5;
const TOKENS_PER_WORD = 1 / 0.8;
/** Long words, identifiers and URLs split into several tokens: one word-token per this many letters. */
const LETTERS_PER_WORD_TOKEN = 8;
/** Tokenizers group digits in runs of about three. */
const DIGITS_PER_TOKEN = 3;
/** Emoji and other astral symbols usually take more than one token. */
const TOKENS_PER_ASTRAL_SYMBOL = 2;

// Character classes, as small integers so the hot loop compares numbers.
const SPACE = 0;
const LETTER = 1;
const DIGIT = 2;
const CJK = 3;
const SYMBOL = 4;
type Kind = typeof SPACE | typeof LETTER | typeof DIGIT | typeof CJK | typeof SYMBOL;

function classify(code: number): Kind {
  if (code < 0x80) {
    if (code <= 0x20 || code === 0x7f) return SPACE;
    if ((code >= 0x61 && code <= 0x7a) || (code >= 0x41 && code <= 0x5a)) return LETTER;
    if (code >= 0x30 && code <= 0x39) return DIGIT;
    return SYMBOL;
  }
  if (code === 0xa0 || code === 0x3000 || (code >= 0x2000 && code <= 0x200b)) return SPACE;
  if (
    (code >= 0x4e00 && code <= 0x9fff) || // CJK unified ideographs
    (code >= 0x3400 && code <= 0x4dbf) || // extension A
    (code >= 0x3000 && code <= 0x30ff) || // CJK punctuation, kana
    (code >= 0xac00 && code <= 0xd7af) || // Hangul syllables
    (code >= 0xf900 && code <= 0xfaff) || // compatibility ideographs
    (code >= 0xff00 && code <= 0xffef) || // full-width forms and punctuation
    (code >= 0x20000 && code <= 0x3134f) // supplementary ideographs
  ) {
    return CJK;
  }
  if (
    (code >= 0xc0 && code <= 0x24f && code !== 0xd7 && code !== 0xf7) || // Latin-1 and Latin extended letters
    (code >= 0x370 && code <= 0x52f) || // Greek, Cyrillic
    (code >= 0x590 && code <= 0x6ff) || // Hebrew, Arabic
    (code >= 0x900 && code <= 0xe7f) // Indic scripts, Thai
  ) {
    return LETTER;
  }
  return SYMBOL;
}

/**
 * Estimates how many Spark tokens `text` costs, in one pass over its code points with no regular
 * expressions (no backtracking, linear in the length).
 *
 * Rules: CJK characters (and full-width punctuation) count 1/1.5 each; a word of letters counts 1/0.8,
 * plus one more word-token per further 8 letters; digit runs count one token per 3 digits; ASCII
 * punctuation counts 1 each; emoji and other astral symbols count 2. The sum is rounded up.
 *
 * @throws SparkInvalidRequestError when `text` is not a string
 * @example
 * ```ts
 * estimateTokens('你好，世界'); // 4
 * estimateTokens('Hello world'); // 3
 * ```
 */
export function estimateTokens(text: string): number {
  if (typeof text !== 'string') {
    throw new SparkInvalidRequestError('estimateTokens expects a string.', { field: 'text' });
  }
  let tokens = 0;
  let runKind: Kind = SPACE;
  let runLength = 0;
  const closeRun = () => {
    if (runKind === LETTER) tokens += TOKENS_PER_WORD * Math.ceil(runLength / LETTERS_PER_WORD_TOKEN);
    else if (runKind === DIGIT) tokens += Math.ceil(runLength / DIGITS_PER_TOKEN);
    runKind = SPACE;
    runLength = 0;
  };
  for (let index = 0; index < text.length; index++) {
    let code = text.charCodeAt(index);
    if (code >= 0xd800 && code <= 0xdbff && index + 1 < text.length) {
      const low = text.charCodeAt(index + 1);
      if (low >= 0xdc00 && low <= 0xdfff) {
        code = ((code - 0xd800) << 10) + (low - 0xdc00) + 0x10000;
        index++;
      }
    }
    const kind = classify(code);
    // An apostrophe inside a word ("don't") belongs to the word.
    if (kind === SYMBOL && code === 0x27 && runKind === LETTER) {
      runLength++;
      continue;
    }
    if (kind === runKind && (kind === LETTER || kind === DIGIT)) {
      runLength++;
      continue;
    }
    closeRun();
    if (kind === LETTER || kind === DIGIT) {
      runKind = kind;
      runLength = 1;
    } else if (kind === CJK) {
      tokens += TOKENS_PER_CJK_CHARACTER;
    } else if (kind === SYMBOL) {
      tokens += code > 0xffff ? TOKENS_PER_ASTRAL_SYMBOL : 1;
    }
  }
  closeRun();
  // Guard against 2.0000000000000004 rounding up to 3 (and against -0 for empty text).
  return tokens === 0 ? 0 : Math.ceil(tokens - 1e-9);
}
