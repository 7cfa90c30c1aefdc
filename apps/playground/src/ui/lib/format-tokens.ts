/** `131072` → `128K`, `8192` → `8K`, `1500` → `1,500`: token counts as people write them. */
export function formatTokens(tokens: number): string {
  if (tokens >= 1024 && tokens % 1024 === 0) return `${tokens / 1024}K`;
  return tokens.toLocaleString('en-US');
}
