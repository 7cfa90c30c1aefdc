import { defineConfig } from 'tsup';

/** Bundles the Node server (the UI is built by Vite into dist/ui). Dependencies stay external. */
export default defineConfig({
  entry: { main: 'src/server/main.ts' },
  outDir: 'dist/server',
  format: ['esm'],
  platform: 'node',
  target: 'node20',
  dts: false,
  sourcemap: true,
  clean: true,
});
