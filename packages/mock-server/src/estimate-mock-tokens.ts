const CJK_CHARACTER = /[\u3400-\u9fff\uf900-\ufaff\u3040-\u30ff\uac00-\ud7af]/gu;
const WORD = /[A-Za-z0-9]+(?:['’-][A-Za-z0-9]+)*/g;

/**
 * The mock's token estimate (named apart from `estimateTokens` of `@xinghuo/core`, which clients use).
 * Spark's published rule of thumb: one token is about 1.5 Chinese characters or 0.8 English words.
 * The mock uses it for usage counts and for the 10907 context check. It deliberately ignores
 * punctuation and whitespace, so a client that counts those too stays on the safe side.
 */
export function estimateMockTokens(text: string): number {
  if (text.length === 0) return 0;
  const cjkCharacters = text.match(CJK_CHARACTER)?.length ?? 0;
  const words = text.replace(CJK_CHARACTER, ' ').match(WORD)?.length ?? 0;
  const estimate = Math.ceil(cjkCharacters / 1.5 + words / 0.8);
  return Math.max(estimate, 1);
}
