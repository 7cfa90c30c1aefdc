/**
 * The characters in `text` a terminal could act on (C0 controls but newline and tab, DEL, C1
 * controls), as `U+001B`-style names, so a failing assertion shows what got through.
 */
export function unsafeCharacters(text: string): string[] {
  const found: string[] = [];
  for (const character of text) {
    const code = character.codePointAt(0) ?? 0;
    if (code === 0x0a || code === 0x09) continue;
    if (code < 0x20 || (code >= 0x7f && code <= 0x9f)) {
      found.push(`U+${code.toString(16).toUpperCase().padStart(4, '0')}`);
    }
  }
  return found;
}
