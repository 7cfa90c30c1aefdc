#!/usr/bin/env node
/**
 * Size budget: an app that imports `createSparkClient` from @xinghuo/browser (core included) must stay
 * at or under 6 KB minified + gzipped. Bundles a tiny entry with esbuild (minify, tree-shaking, browser
 * platform) against the built dist, gzips it with node:zlib and fails above the budget, listing the
 * modules that dominate the bundle.
 *
 * Usage: npm run size   (after npm run build)
 */
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';

const BUDGET_BYTES = 6 * 1024;
const packageDirectory = dirname(dirname(fileURLToPath(import.meta.url)));

const entries = [
  {
    name: 'createSparkClient',
    budget: BUDGET_BYTES,
    contents: "import { createSparkClient } from '@xinghuo/browser';\nexport default createSparkClient;\n",
  },
  {
    name: 'createSparkClient + createSignedUrlFetcher (report only)',
    budget: undefined,
    contents:
      "import { createSignedUrlFetcher, createSparkClient } from '@xinghuo/browser';\n" +
      'export default [createSparkClient, createSignedUrlFetcher];\n',
  },
];

/** Bundles an entry; `fromSource` maps @xinghuo/core to its source so the metafile shows each module. */
function bundle(contents, fromSource = false) {
  return build({
    stdin: { contents, resolveDir: packageDirectory, sourcefile: 'size-entry.js', loader: 'js' },
    bundle: true,
    minify: true,
    treeShaking: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    write: false,
    metafile: true,
    logLevel: 'error',
    ...(fromSource
      ? { alias: { '@xinghuo/core': join(packageDirectory, '..', 'core', 'src', 'index.ts') } }
      : {}),
  });
}

let failed = false;
for (const entry of entries) {
  const result = await bundle(entry.contents);
  const code = result.outputFiles[0].contents;
  const gzipped = gzipSync(code, { level: 9 }).length;
  const over = entry.budget !== undefined && gzipped > entry.budget;
  failed ||= over;
  const budgetText =
    entry.budget === undefined ? '' : ` (budget ${entry.budget} B${over ? ', OVER' : ', ok'})`;
  console.log(`${entry.name}: ${code.length} B minified, ${gzipped} B gzipped${budgetText}`);
  if (over || process.argv.includes('--verbose')) {
    // The measured bundle uses core's single-file dist; its source shows which core modules weigh most.
    printBreakdown((await bundle(entry.contents, true)).metafile);
  }
}

function printBreakdown(metafile) {
  const [output] = Object.values(metafile.outputs);
  const inputs = Object.entries(output.inputs)
    .map(([path, info]) => ({ path: relative(packageDirectory, path), bytes: info.bytesInOutput }))
    .filter((input) => input.bytes > 0)
    .sort((left, right) => right.bytes - left.bytes);
  const total = inputs.reduce((sum, input) => sum + input.bytes, 0);
  console.log(`  minified bytes by module, bundled from core's source (${total} B before gzip):`);
  for (const input of inputs) console.log(`  ${String(input.bytes).padStart(7)}  ${input.path}`);
}

if (failed) {
  console.error(`Size budget exceeded: over ${BUDGET_BYTES} B gzipped.`);
  process.exit(1);
}
