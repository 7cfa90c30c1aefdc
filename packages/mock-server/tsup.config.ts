import { defineConfig } from 'tsup';

export default defineConfig({
  // `cli` keeps its `#!/usr/bin/env node` line from the source, so `dist/cli.js` runs as the `xinghuo-mock` bin.
  entry: { index: 'src/index.ts', vitest: 'src/vitest.ts', msw: 'src/msw.ts', cli: 'src/cli.ts' },
  format: ['esm', 'cjs'],
  dts: { entry: { index: 'src/index.ts', vitest: 'src/vitest.ts', msw: 'src/msw.ts' } },
  sourcemap: true,
  // Not cleaned: sibling packages' tests read this dist while it rebuilds; CI builds from a clean clone.
  clean: false,
  target: 'es2022',
  platform: 'node',
  removeNodeProtocol: false,
  treeshake: true,
  external: ['ws', 'msw', 'vitest'],
});
