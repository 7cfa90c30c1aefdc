/**
 * Proves that the TypeScript examples in the READMEs compile against the built packages, then that
 * those that can run against the mock Spark server do (see `run-docs-examples.ts`).
 *
 * Every ```ts / ```typescript block (and ```js block, checked with `checkJs`) of the root README,
 * packages/* READMEs and apps/* READMEs becomes a module in `.docs-check/` (gitignored). The modules
 * import `@xinghuo/*` by package name, so they resolve through node_modules to each workspace's built
 * `dist` and its published types, exactly as an application would. One `tsc --noEmit` run checks them
 * all; each error is reported at its README line.
 *
 * A block preceded by `<!-- docs-check: skip -->` is left out: use it only for deliberately partial
 * snippets. Names the examples use without declaring them are listed per README in
 * `docs-check-preludes.ts`.
 *
 * Run after `npm run build`: `npm run docs:check` (`-- --compile-only` to skip running the examples).
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative, resolve } from 'node:path';
import { type ReadmePrelude, readmePreludes, thirdPartyModules } from './docs-check-preludes.ts';
import { allExamples, type Example, root, topLevelNames } from './docs-examples.ts';
import { runExamples } from './run-docs-examples.ts';

const outDir = join(root, '.docs-check');

/** A generated module and how its lines map back to the README. */
interface GeneratedFile {
  readonly example: Example;
  readonly preludeLines: number;
}

/** The prelude declarations of a README that the example does not declare itself. */
function preludeFor(example: Example, prelude: ReadmePrelude | undefined): string[] {
  const declared = topLevelNames(example.code);
  return Object.entries(prelude?.declarations ?? {})
    .filter(([name]) => !declared.has(name))
    .map(([name, type]) =>
      example.extension === 'ts'
        ? `declare const ${name}: ${type};`
        : // JavaScript has no `declare`: a JSDoc cast gives the name its type.
          `const ${name} = /** @type {${type}} */ (/** @type {unknown} */ (undefined));`,
    );
}

/** Folder name of a README's examples: `packages/node/README.md` → `packages-node`. */
function folderOf(readme: string): string {
  const folder = dirname(readme);
  return folder === '.' ? 'root' : folder.replaceAll('/', '-');
}

/** Writes every example as a module of one TypeScript project in `.docs-check/`. */
function writeProject(examples: readonly Example[]): Map<string, GeneratedFile> {
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(outDir, { recursive: true });
  const files = new Map<string, GeneratedFile>();
  for (const example of examples) {
    const prelude = readmePreludes[example.readme];
    const folder = join(outDir, 'examples', folderOf(example.readme));
    mkdirSync(folder, { recursive: true });
    for (const [specifier, declarations] of Object.entries(prelude?.modules ?? {})) {
      const target = resolve(folder, specifier.replace(/\.js$/, '.ts'));
      mkdirSync(dirname(target), { recursive: true });
      writeFileSync(target, `${declarations}\n`);
    }
    const preludeLines = preludeFor(example, prelude);
    const file = join(folder, `line-${example.line}.${example.extension}`);
    // `export {}` keeps every example a module of its own, so top-level await is allowed and names of
    // different examples never collide.
    writeFileSync(file, [...preludeLines, example.code, 'export {};', ''].join('\n'));
    files.set(relative(outDir, file), { example, preludeLines: preludeLines.length });
  }
  const shims = Object.entries(thirdPartyModules).map(([name, declarations]) =>
    declarations === '' ? `declare module '${name}';` : `declare module '${name}' {\n${declarations}\n}`,
  );
  writeFileSync(join(outDir, 'third-party-modules.d.ts'), `${shims.join('\n')}\n`);
  const tsconfig = {
    compilerOptions: {
      target: 'ES2023',
      lib: ['ES2023', 'DOM', 'DOM.Iterable'],
      module: 'ESNext',
      moduleResolution: 'Bundler',
      types: ['node'],
      strict: true,
      noEmit: true,
      skipLibCheck: true,
      esModuleInterop: true,
      isolatedModules: true,
      allowJs: true,
      checkJs: true,
    },
    include: ['**/*.ts', '**/*.js'],
  };
  writeFileSync(join(outDir, 'tsconfig.json'), `${JSON.stringify(tsconfig, null, 2)}\n`);
  return files;
}

/** Runs tsc once and returns its diagnostics mapped to README lines. */
function typeCheck(files: ReadonlyMap<string, GeneratedFile>): { errors: string[]; exitCode: number } {
  const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
  const run = spawnSync(
    process.execPath,
    [tsc, '--project', join(outDir, 'tsconfig.json'), '--pretty', 'false'],
    {
      cwd: outDir,
      encoding: 'utf8',
    },
  );
  if (run.error) throw run.error;
  const errors: string[] = [];
  for (const line of `${run.stdout}${run.stderr}`.split('\n')) {
    if (line.trim() === '') continue;
    const match = /^(.+?)\((\d+),(\d+)\): (error .*)$/.exec(line);
    const generated = match ? files.get(match[1] ?? '') : undefined;
    if (!match || !generated) {
      // Continuation lines of a multi-line message, or errors outside the examples (configuration).
      if (/^\s/.test(line) && errors.length > 0) errors[errors.length - 1] += `\n${line}`;
      else errors.push(line);
      continue;
    }
    const fileLine = Number(match[2]);
    const codeLine = fileLine - generated.preludeLines;
    const where =
      codeLine >= 1
        ? `${generated.example.readme}:${generated.example.line + codeLine - 1}:${match[3]}`
        : `${generated.example.readme}:${generated.example.line} (prelude line ${fileLine})`;
    errors.push(`${where} ${match[4]}`);
  }
  return { errors, exitCode: run.status ?? 1 };
}

async function main(): Promise<void> {
  const examples = allExamples();
  const files = writeProject(examples);
  const { errors, exitCode } = typeCheck(files);
  const readmeCount = new Set(examples.map((example) => example.readme)).size;
  if (exitCode !== 0 || errors.length > 0) {
    for (const error of errors) console.error(error);
    if (errors.some((error) => /TS2307: Cannot find module '@xinghuo\//.test(error))) {
      console.error('docs:check: the examples import the built packages; run `npm run build` first.');
    }
    console.error(
      `docs:check: ${errors.length} errors in ${examples.length} examples (generated in .docs-check/).`,
    );
    process.exitCode = 1;
    return;
  }
  console.log(`docs:check: ${examples.length} examples in ${readmeCount} READMEs compile.`);
  if (process.argv.includes('--compile-only')) return;
  if (!(await runExamples(examples, join(outDir, 'run')))) process.exitCode = 1;
}

await main();
