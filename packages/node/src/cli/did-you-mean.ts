/**
 * "Did you mean …?" for mistyped flags, commands and model ids: the closest candidate by edit
 * distance, when it is close enough to be a typo rather than a different word.
 */

/**
 * Edit distance between two strings where a swap of two neighbouring characters counts as one
 * edit (optimal string alignment), so `mokc` is one edit from `mock`, as a user would count it.
 */
export function editDistance(a: string, b: string): number {
  const rows = a.length + 1;
  const columns = b.length + 1;
  const distance: number[][] = Array.from({ length: rows }, (_, row) =>
    Array.from({ length: columns }, (_, column) => (row === 0 ? column : column === 0 ? row : 0)),
  );
  for (let row = 1; row < rows; row += 1) {
    for (let column = 1; column < columns; column += 1) {
      const cost = a[row - 1] === b[column - 1] ? 0 : 1;
      let best = Math.min(
        distance[row - 1]![column]! + 1,
        distance[row]![column - 1]! + 1,
        distance[row - 1]![column - 1]! + cost,
      );
      if (row > 1 && column > 1 && a[row - 1] === b[column - 2] && a[row - 2] === b[column - 1]) {
        best = Math.min(best, distance[row - 2]![column - 2]! + 1);
      }
      distance[row]![column] = best;
    }
  }
  return distance[a.length]![b.length]!;
}

/**
 * The candidate closest to `input` (case-insensitive), or `undefined` when none is within typo
 * distance: one edit for words of up to four characters, two for longer ones. Ties go to the
 * earlier candidate.
 *
 * @example
 * ```ts
 * closestMatch('mokc', ['model', 'mock', 'json']); // 'mock'
 * closestMatch('gpt-4o', ['lite', 'max']); // undefined
 * ```
 */
export function closestMatch(input: string, candidates: readonly string[]): string | undefined {
  const wanted = input.toLowerCase();
  const limit = wanted.length <= 4 ? 1 : 2;
  let best: { candidate: string; distance: number } | undefined;
  for (const candidate of candidates) {
    const distance = editDistance(wanted, candidate.toLowerCase());
    if (distance <= limit && (best === undefined || distance < best.distance)) best = { candidate, distance };
  }
  return best?.candidate;
}
