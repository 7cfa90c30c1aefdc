/**
 * Writes the combined results table into `bench/README.md` between two markers, leaving everything
 * else in the file (other sections, hand-written notes) untouched.
 */
import { readFile, writeFile } from 'node:fs/promises';

export const RESULTS_START = '<!-- results:start -->';
export const RESULTS_END = '<!-- results:end -->';

/** Replaces the text between the markers (appending the markers at the end if they are missing). */
export async function writeResultsSection(readmePath: string, markdown: string): Promise<void> {
  let readme = '';
  try {
    readme = await readFile(readmePath, 'utf8');
  } catch {
    readme = '# Benchmarks\n';
  }
  const block = `${RESULTS_START}\n${markdown.trim()}\n${RESULTS_END}`;
  const start = readme.indexOf(RESULTS_START);
  const end = readme.indexOf(RESULTS_END);
  const next =
    start !== -1 && end > start
      ? `${readme.slice(0, start)}${block}${readme.slice(end + RESULTS_END.length)}`
      : `${readme.trimEnd()}\n\n${block}\n`;
  await writeFile(readmePath, next);
}

/** A Markdown table from a header row and data rows. */
export function markdownTable(
  header: readonly string[],
  rows: readonly (readonly (string | number)[])[],
): string {
  const line = (cells: readonly (string | number)[]) => `| ${cells.join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}
