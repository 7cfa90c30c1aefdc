import { defineConfig } from 'tsup';

export default defineConfig({
  entry: { index: 'src/index.ts' },
  format: ['esm', 'cjs'],
  dts: true,
  sourcemap: true,
  clean: false,
  target: 'es2022',
  platform: 'neutral',
  treeshake: true,
  // Peer and workspace dependencies stay imports: LangChain must be the application's single copy.
  external: ['@langchain/core', '@xinghuo/core'],
});
