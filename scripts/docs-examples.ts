/**
 * The README examples the docs checks work on: every ```ts / ```typescript / ```js block of the root
 * README, packages/* READMEs and apps/* READMEs, except those marked `<!-- docs-check: skip -->`.
 * Shared by the compile check (`check-docs.ts`) and the run check (`run-docs-examples.ts`).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

/** The repository root. */
export const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

const markerPattern = /^<!--\s*docs-check:\s*(.*?)\s*-->$/;
// JavaScript examples are checked too (checkJs), with the same strictness where types can be inferred.
const checkedLanguages = new Map([
  ['ts', 'ts'],
  ['typescript', 'ts'],
  ['js', 'js'],
  ['javascript', 'js'],
]);

/** One fenced TypeScript block of a README. */
export interface Example {
  readonly readme: string;
  /** README line (1-based) of the block's first code line. */
  readonly line: number;
  readonly code: string;
  /** File extension of the generated module: `ts` or `js`. */
  readonly extension: string;
  /** The `<!-- docs-check: … -->` marker above the block, if any (e.g. `compile-only: needs a page`). */
  readonly marker: string | undefined;
}

/** The READMEs whose examples are checked, relative to the root (bench/README.md is not a package). */
export function findReadmes(): string[] {
  const readmes = ['README.md'];
  for (const folder of ['packages', 'apps']) {
    for (const entry of readdirSync(join(root, folder), { withFileTypes: true })) {
      const readme = join(folder, entry.name, 'README.md');
      if (entry.isDirectory() && existsSync(join(root, readme))) readmes.push(readme);
    }
  }
  return readmes;
}

/** Fenced TypeScript and JavaScript blocks of one README, without those marked to skip. */
export function extractExamples(readme: string, markdown: string): Example[] {
  const lines = markdown.split('\n');
  const examples: Example[] = [];
  let index = 0;
  while (index < lines.length) {
    const opening = /^(\s*)(`{3,}|~{3,})\s*([\w+-]*)/.exec(lines[index] ?? '');
    if (!opening) {
      index += 1;
      continue;
    }
    const [, indent = '', fence = '```', language = ''] = opening;
    const start = index + 1;
    let end = start;
    while (end < lines.length && !(lines[end] ?? '').trim().startsWith(fence)) end += 1;
    const extension = checkedLanguages.get(language.toLowerCase());
    const marker = markerAbove(lines, index);
    if (extension && !(marker !== undefined && /^skip\b/.test(marker))) {
      const code = lines
        .slice(start, end)
        .map((line) => (line.startsWith(indent) ? line.slice(indent.length) : line))
        .join('\n');
      examples.push({ readme, line: start + 1, code, extension, marker });
    }
    index = end + 1;
  }
  return examples;
}

/** The text of the `<!-- docs-check: … -->` comment on the nearest non-blank line above the fence. */
function markerAbove(lines: readonly string[], fenceIndex: number): string | undefined {
  for (let index = fenceIndex - 1; index >= 0; index -= 1) {
    const line = (lines[index] ?? '').trim();
    if (line !== '') return markerPattern.exec(line)?.[1]?.trim();
  }
  return undefined;
}

/** Every example of every checked README. */
export function allExamples(): Example[] {
  return findReadmes().flatMap((readme) => extractExamples(readme, readFileSync(join(root, readme), 'utf8')));
}

/** Names a module declares at its top level (imports, variables, functions, classes, types). */
export function topLevelNames(code: string): Set<string> {
  const source = ts.createSourceFile('example.ts', code, ts.ScriptTarget.Latest, false, ts.ScriptKind.TS);
  const names = new Set<string>();
  const addBinding = (name: ts.BindingName): void => {
    if (ts.isIdentifier(name)) names.add(name.text);
    else for (const element of name.elements) if (!ts.isOmittedExpression(element)) addBinding(element.name);
  };
  for (const statement of source.statements) {
    if (ts.isImportDeclaration(statement)) {
      const clause = statement.importClause;
      if (clause?.name) names.add(clause.name.text);
      const bindings = clause?.namedBindings;
      if (bindings && ts.isNamespaceImport(bindings)) names.add(bindings.name.text);
      if (bindings && ts.isNamedImports(bindings))
        for (const element of bindings.elements) names.add(element.name.text);
    } else if (ts.isVariableStatement(statement)) {
      for (const declaration of statement.declarationList.declarations) addBinding(declaration.name);
    } else if (
      (ts.isFunctionDeclaration(statement) ||
        ts.isClassDeclaration(statement) ||
        ts.isInterfaceDeclaration(statement) ||
        ts.isTypeAliasDeclaration(statement)) &&
      statement.name
    ) {
      names.add(statement.name.text);
    }
  }
  return names;
}

/** What an example's code refers to: the modules it imports and the free names it reads. */
export interface ExampleReferences {
  /** Module specifiers of static imports, re-exports and `import('…')` calls. */
  readonly modules: readonly string[];
  /** Identifiers used as values or types (not property names, not names it declares at the top). */
  readonly names: ReadonlySet<string>;
}

/** Reads `code`'s imports and referenced names with the TypeScript parser (comments never count). */
export function referencesOf(code: string): ExampleReferences {
  const source = ts.createSourceFile('example.ts', code, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const modules: string[] = [];
  const names = new Set<string>();
  const visit = (node: ts.Node): void => {
    if (
      (ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) &&
      node.moduleSpecifier !== undefined &&
      ts.isStringLiteral(node.moduleSpecifier)
    ) {
      modules.push(node.moduleSpecifier.text);
    } else if (
      ts.isCallExpression(node) &&
      node.expression.kind === ts.SyntaxKind.ImportKeyword &&
      node.arguments[0] !== undefined &&
      ts.isStringLiteral(node.arguments[0])
    ) {
      modules.push(node.arguments[0].text);
    } else if (ts.isIdentifier(node) && isReference(node)) {
      names.add(node.text);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  for (const name of topLevelNames(code)) names.delete(name);
  return { modules, names };
}

/** False for identifiers that name a property, a member or a declaration rather than read a value. */
function isReference(node: ts.Identifier): boolean {
  const { parent } = node;
  if (ts.isPropertyAccessExpression(parent) && parent.name === node) return false;
  if ((ts.isPropertyAssignment(parent) || ts.isPropertySignature(parent)) && parent.name === node)
    return false;
  if (ts.isMethodDeclaration(parent) && parent.name === node) return false;
  if ((ts.isImportSpecifier(parent) || ts.isExportSpecifier(parent)) && parent.propertyName === node)
    return false;
  if (ts.isQualifiedName(parent) && parent.right === node) return false;
  if (ts.isBindingElement(parent) && parent.propertyName === node) return false;
  return true;
}
