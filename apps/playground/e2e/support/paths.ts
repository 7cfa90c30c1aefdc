import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The playground package directory. */
export const PACKAGE_ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** The UI built by `npm run build`. */
export const BUILT_UI = `${PACKAGE_ROOT}dist/ui`;

/** Screenshots of the e2e run (gitignored). */
export function outputPath(name: string): string {
  const directory = `${PACKAGE_ROOT}e2e-output`;
  mkdirSync(directory, { recursive: true });
  return `${directory}/${name}`;
}
