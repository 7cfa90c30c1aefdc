/**
 * `npm run lint` step: fails when any package (its `src/` and `test/`) has an import cycle.
 *
 * It first proves it can see one: the fixture in `fixtures/import-cycle/` is a cycle on purpose, and
 * the check fails if that fixture is not reported.
 */
import { readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { importCyclesIn } from './import-cycles';

const root = resolve(import.meta.dirname, '..');

const fixture = importCyclesIn(join(import.meta.dirname, 'fixtures', 'import-cycle'), root);
if (fixture.length !== 1 || fixture[0]?.length !== 3) {
  console.error(
    'check-import-cycles: the cycle in scripts/fixtures/import-cycle was not found; the checker is broken.',
  );
  process.exit(1);
}

const packageDirs = ['packages', 'apps'].flatMap((group) =>
  readdirSync(join(root, group), { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => join(root, group, entry.name)),
);
packageDirs.push(join(root, 'bench'));

let failed = false;
for (const dir of packageDirs) {
  for (const sub of ['src', 'test', 'e2e']) {
    for (const cycle of importCyclesIn(join(dir, sub), root)) {
      failed = true;
      console.error(`import cycle: ${cycle.join(' ↔ ')}`);
    }
  }
}
if (failed) {
  console.error(
    'check-import-cycles: import cycles found (see above). Move the shared part into its own module.',
  );
  process.exit(1);
}
console.log(`check-import-cycles: no import cycles in ${packageDirs.length} packages.`);
