/**
 * Spark has no JSON mode, so a model asked for JSON in the prompt sometimes wraps it in a Markdown
 * code fence or a sentence. This keeps the JSON value alone so the AI SDK's parser gets valid JSON.
 */

/** The JSON value inside `text`, or `text` unchanged when it holds no recognisable JSON. */
export function unwrapJson(text: string): string {
  const fenced = /```(?:json)?\s*([\s\S]*?)```/i.exec(text);
  const candidate = (fenced?.[1] ?? text).trim();
  // The bracket that opens first decides whether the value is an object or an array.
  const pairs = [
    ['{', '}'],
    ['[', ']'],
  ].sort(([a = ''], [b = '']) => rank(candidate.indexOf(a)) - rank(candidate.indexOf(b)));
  for (const [open = '{', close = '}'] of pairs) {
    const start = candidate.indexOf(open);
    const end = candidate.lastIndexOf(close);
    if (start === -1 || end < start) continue;
    const slice = candidate.slice(start, end + 1);
    try {
      JSON.parse(slice);
      return slice;
    } catch {
      // Not this bracket pair: try the next, then give the text back for the AI SDK to report.
    }
  }
  return text;
}

function rank(index: number): number {
  return index === -1 ? Number.POSITIVE_INFINITY : index;
}
