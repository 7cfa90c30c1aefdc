import { defineConfig } from 'tsup';

export default defineConfig([
  {
    // The library: the main entry and the edge-safe signing handler.
    entry: { index: 'src/index.ts', signing: 'src/signing/index.ts' },
    format: ['esm', 'cjs'],
    dts: true,
    sourcemap: true,
    clean: false,
    target: 'es2022',
    platform: 'node',
    treeshake: true,
  },
  {
    // The `xinghuo` executable: ESM only, no types.
    entry: { cli: 'src/cli.ts' },
    format: ['esm'],
    dts: false,
    sourcemap: true,
    clean: false,
    target: 'es2022',
    platform: 'node',
  },
]);
