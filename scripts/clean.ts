/**
 * Removes every workspace's build output (`dist/`), so the next build writes only what it produces.
 *
 * Builds do not clean `dist/` themselves (sibling packages' tests read it while it rebuilds, see
 * `tsup.shared.ts`), so a chunk renamed or removed by a change stays behind locally. Releases run this
 * first and then rebuild without turbo's cache, so no stale file can reach a published tarball.
 *
 * Run: `npm run clean`.
 */
import { existsSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');
const workspaceParents = ['packages', 'apps'];
const workspaces = [
  ...workspaceParents.flatMap((parent) =>
    readdirSync(join(root, parent), { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => join(parent, entry.name)),
  ),
  'bench',
];

for (const workspace of workspaces) {
  const output = join(root, workspace, 'dist');
  if (!existsSync(output)) continue;
  rmSync(output, { recursive: true, force: true });
  console.log(`removed ${join(workspace, 'dist')}`);
}
