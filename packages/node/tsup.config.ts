import { defineConfig } from 'tsup';
import { libraryDefaults } from '../../tsup.shared.ts';

export default defineConfig([
  {
    ...libraryDefaults,
    // The library: the main entry and the edge-safe signing handler.
    entry: { index: 'src/index.ts', signing: 'src/signing/index.ts' },
    platform: 'node',
  },
  {
    ...libraryDefaults,
    // The `xinghuo` executable: ESM only, no types.
    entry: { cli: 'src/cli.ts' },
    format: ['esm'],
    dts: false,
    platform: 'node',
  },
]);
