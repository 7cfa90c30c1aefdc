import { defineConfig } from 'tsup';
import { libraryDefaults } from '../../tsup.shared.ts';

export default defineConfig({
  ...libraryDefaults,
  // `cli` keeps its `#!/usr/bin/env node` line from the source, so `dist/cli.js` runs as the `xinghuo-mock` bin.
  entry: { index: 'src/index.ts', vitest: 'src/vitest.ts', msw: 'src/msw.ts', cli: 'src/cli.ts' },
  dts: { entry: { index: 'src/index.ts', vitest: 'src/vitest.ts', msw: 'src/msw.ts' } },
  platform: 'node',
  removeNodeProtocol: false,
  external: ['ws', 'msw', 'vitest'],
});
