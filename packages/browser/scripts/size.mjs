#!/usr/bin/env node
/**
 * Size budget of an app that imports `createSparkClient` from @xinghuo/browser (core included), minified
 * and gzipped. Bundles a tiny entry with esbuild (minify, tree-shaking, browser platform, code splitting as
 * Vite and webpack do for dynamic imports) against the built dist and gzips it with node:zlib.
 *
 * One number: the CEILING of 12,800 B gzipped that CI enforces. The former 6 KB budget is withdrawn
 * (readable tables and typed errors are worth more than the bytes). Above the ceiling the script fails
 * and lists the modules that dominate the bundle.
 *
 * For comparison it also measures, the same way, openai-node's browser client: a page that streams one
 * chat completion with `openai` and `dangerouslyAllowBrowser: true` (report only; skipped with a note when
 * the `openai` package is not installed; the repository has it through @langchain/openai).
 *
 * Counted: the entry chunk and every chunk it imports statically, i.e. what the page loads before its
 * first line runs. Chunks behind a dynamic `import()` are reported separately: each protocol (loaded on
 * its first request) and the credential signer (only loaded with `dangerouslyAllowBrowser`).
 *
 * Usage: npm run size   (after npm run build)
 *        npm run size -- --verbose    also lists the initially loaded modules by minified size
 *        npm run size -- --marginal   also measures, per module, the gzipped bytes the bundle loses
 *                                     without it (and what only it pulls in): where a budget can be won
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';

// The ceiling of core's layout issue: the engine with readable tables, both protocols loaded on demand.
const CEILING_BYTES = 12_800;
const packageDirectory = dirname(dirname(fileURLToPath(import.meta.url)));

const entries = [
  {
    name: 'createSparkClient',
    ceiling: CEILING_BYTES,
    contents: "import { createSparkClient } from '@xinghuo/browser';\nexport default createSparkClient;\n",
  },
  {
    name: 'createSparkClient + createSignedUrlFetcher (report only)',
    contents:
      "import { createSignedUrlFetcher, createSparkClient } from '@xinghuo/browser';\n" +
      'export default [createSparkClient, createSignedUrlFetcher];\n',
  },
];

// The page openai-node's README shows for a browser: one streamed chat completion.
const OPENAI_PAGE = `import OpenAI from 'openai';
const client = new OpenAI({ apiKey: 'key', dangerouslyAllowBrowser: true });
export default async function ask(content) {
  const stream = await client.chat.completions.create({
    model: 'generalv3.5',
    messages: [{ role: 'user', content }],
    stream: true,
  });
  let text = '';
  for await (const chunk of stream) text += chunk.choices[0]?.delta?.content ?? '';
  return text;
}
`;

/** The installed `openai` version, or undefined when the package cannot be resolved from here. */
function openaiVersion() {
  try {
    // `openai` does not export its package.json: walk up from its entry to the package root.
    const entry = createRequire(join(packageDirectory, 'package.json')).resolve('openai');
    for (let directory = dirname(entry); directory !== dirname(directory); directory = dirname(directory)) {
      const manifestPath = join(directory, 'package.json');
      if (!existsSync(manifestPath)) continue;
      const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
      if (manifest.name === 'openai') return manifest.version;
    }
    return undefined;
  } catch {
    return undefined;
  }
}

/** Bundles an entry; `fromSource` maps the packages to their source so the metafile shows each module. */
function bundle(contents, fromSource = false, plugins = []) {
  return build({
    stdin: { contents, resolveDir: packageDirectory, sourcefile: 'size-entry.js', loader: 'js' },
    bundle: true,
    minify: true,
    treeShaking: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    splitting: true,
    outdir: join(packageDirectory, '.size-out'),
    write: false,
    metafile: true,
    logLevel: 'error',
    plugins,
    ...(fromSource
      ? {
          alias: {
            // Subpaths first: esbuild matches an alias as a prefix.
            '@xinghuo/core/sign-url': join(packageDirectory, '..', 'core', 'src', 'signing', 'sign-url.ts'),
            '@xinghuo/core/portable': join(packageDirectory, '..', 'core', 'src', 'portable.ts'),
            '@xinghuo/core/transport': join(packageDirectory, '..', 'core', 'src', 'transport.ts'),
            '@xinghuo/core': join(packageDirectory, '..', 'core', 'src', 'index.ts'),
            '@xinghuo/browser': join(packageDirectory, 'src', 'index.ts'),
          },
        }
      : {}),
  });
}

/** Splits the outputs into what loads up front (entry + static imports) and lazily loaded chunks. */
function classify(result) {
  const outputs = result.metafile.outputs;
  const entryPath = Object.keys(outputs).find((path) => outputs[path].entryPoint !== undefined);
  const initial = new Set();
  const visit = (path) => {
    if (initial.has(path)) return;
    initial.add(path);
    for (const imported of outputs[path].imports) {
      if (imported.kind === 'import-statement' && !imported.external) visit(imported.path);
    }
  };
  visit(entryPath);
  const files = new Map(result.outputFiles.map((file) => [relative(process.cwd(), file.path), file]));
  const measure = (paths) => {
    const code = paths.map((path) => files.get(path).contents);
    return {
      minified: code.reduce((sum, bytes) => sum + bytes.length, 0),
      gzipped: code.reduce((sum, bytes) => sum + gzipSync(bytes, { level: 9 }).length, 0),
    };
  };
  const javascript = Object.keys(outputs).filter((path) => path.endsWith('.js'));
  const lazy = javascript.filter((path) => !initial.has(path));
  return {
    initial: measure([...initial]),
    initialPaths: [...initial],
    lazy: lazy.map((path) => ({ path, ...measure([path]) })),
  };
}

let failed = false;
for (const entry of entries) {
  const { initial, lazy } = classify(await bundle(entry.contents));
  const over = entry.ceiling !== undefined && initial.gzipped > entry.ceiling;
  failed ||= over;
  const targetText =
    entry.ceiling === undefined ? '' : ` (enforced ceiling ${entry.ceiling} B: ${over ? 'OVER' : 'ok'})`;
  console.log(`${entry.name}: ${initial.minified} B minified, ${initial.gzipped} B gzipped${targetText}`);
  for (const chunk of lazy) {
    console.log(`  + lazily loaded ${chunk.path}: ${chunk.minified} B minified, ${chunk.gzipped} B gzipped`);
  }
  if (over || process.argv.includes('--verbose')) {
    // The measured bundle uses the built dist; the source shows which modules weigh most.
    const sourceResult = await bundle(entry.contents, true);
    printBreakdown(sourceResult.metafile, classify(sourceResult).initialPaths);
  }
  if (entry.ceiling !== undefined && process.argv.includes('--marginal')) await printMarginalCosts(entry);
}

function printBreakdown(metafile, initialPaths) {
  const inputs = initialPaths
    .flatMap((path) => Object.entries(metafile.outputs[path].inputs))
    .map(([path, info]) => ({ path: relative(packageDirectory, path), bytes: info.bytesInOutput }))
    .filter((input) => input.bytes > 0)
    .sort((left, right) => right.bytes - left.bytes);
  const total = inputs.reduce((sum, input) => sum + input.bytes, 0);
  console.log(`  initially loaded minified bytes by module, bundled from source (${total} B):`);
  for (const input of inputs) console.log(`  ${String(input.bytes).padStart(7)}  ${input.path}`);
}

/**
 * For each module bundled from source, bundles again with that module replaced by a stub exporting the
 * same names, and prints how many gzipped bytes the initial load loses. The number includes what only
 * that module pulls in (stubbing the encoder also drops the validator), so rows overlap and do not sum
 * to the total; it answers "what would leaving this out of the browser build save".
 */
async function printMarginalCosts(entry) {
  const gzippedFromSource = async (plugins) =>
    classify(await bundle(entry.contents, true, plugins)).initial.gzipped;
  const sourceResult = await bundle(entry.contents, true);
  const whole = classify(sourceResult).initial.gzipped;
  const modules = classify(sourceResult)
    .initialPaths.flatMap((path) => Object.keys(sourceResult.metafile.outputs[path].inputs))
    .filter((path) => path.endsWith('.ts'));
  // Entry files that only re-export are not modules of their own.
  const isBarrel = (path) => /^export .* from /m.test(readFileSync(join(packageDirectory, path), 'utf8'));
  const rows = [];
  for (const modulePath of new Set(modules.filter((path) => !isBarrel(path)))) {
    const absolute = join(packageDirectory, modulePath);
    const stub = {
      name: 'stub-one-module',
      setup(build) {
        build.onLoad({ filter: /\.ts$/ }, (args) =>
          args.path === absolute
            ? { contents: stubOf(readFileSync(absolute, 'utf8')), loader: 'ts' }
            : undefined,
        );
      },
    };
    rows.push({
      path: relative(packageDirectory, absolute),
      bytes: whole - (await gzippedFromSource([stub])),
    });
  }
  console.log(`  gzipped bytes each module costs (the bundle without it, from source: ${whole} B):`);
  for (const row of rows.sort((left, right) => right.bytes - left.bytes)) {
    console.log(`  ${String(row.bytes).padStart(7)}  ${row.path}`);
  }
}

/** A module with the same value exports as `source` and no code: each export reads a global. */
function stubOf(source) {
  const declared = [...source.matchAll(/^export (?:async )?(?:function|const|let|class) (\w+)/gm)].map(
    (match) => match[1],
  );
  const listed = [...source.matchAll(/^export \{([^}]*)\};?$/gm)].flatMap((match) =>
    match[1]
      .split(',')
      .map((name) =>
        name
          .trim()
          .split(/\s+as\s+/)
          .pop(),
      )
      .filter((name) => name && !name.startsWith('type ')),
  );
  return [...declared, ...listed].map((name) => `export const ${name} = globalThis.${name};`).join('\n');
}

const openai = openaiVersion();
if (openai === undefined) {
  console.log('openai-node (comparison): not measured, the `openai` package is not installed.');
} else {
  const { initial } = classify(await bundle(OPENAI_PAGE));
  console.log(
    `openai-node ${openai} streaming one chat completion (comparison, same measurement): ` +
      `${initial.minified} B minified, ${initial.gzipped} B gzipped`,
  );
}

if (failed) {
  console.error(`Size ceiling exceeded: over ${CEILING_BYTES} B gzipped.`);
  process.exit(1);
}
