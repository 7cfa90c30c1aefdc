import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const SOURCE = fileURLToPath(new URL('../src/', import.meta.url));

/** Every import specifier reachable from `entry` through relative imports. */
function importsReachableFrom(entry: string): Set<string> {
  const external = new Set<string>();
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    const text = readFileSync(file, 'utf8');
    for (const match of text.matchAll(/(?:^|\n)\s*(?:import|export)[^'";]*?from\s+'([^']+)'/g)) {
      const specifier = match[1]!;
      if (specifier.startsWith('.')) visit(resolve(dirname(file), specifier.replace(/\.js$/, '.ts')));
      else external.add(specifier);
    }
  };
  visit(resolve(SOURCE, entry));
  return external;
}

describe('module graph', () => {
  it('keeps the msw face free of Node built-ins and ws, so it runs in browsers', () => {
    const imports = importsReachableFrom('msw.ts');
    expect([...imports]).toEqual(['msw']);
    // The walker does see Node imports where they exist.
    expect(importsReachableFrom('index.ts')).toEqual(
      new Set(['node:crypto', 'node:http', 'node:net', 'node:stream', 'ws']),
    );
  });

  it('keeps the server face off @xinghuo/core, so a signing bug there cannot hide behind the mock', () => {
    for (const entry of ['index.ts', 'vitest.ts', 'cli.ts', 'msw.ts']) {
      expect([...importsReachableFrom(entry)].filter((name) => name.startsWith('@xinghuo/'))).toEqual([]);
    }
  });
});
