import { defineConfig } from 'tsup';
import { libraryDefaults } from '../../tsup.shared.ts';

export default defineConfig({
  ...libraryDefaults,
  entry: { index: 'src/index.ts' },
  platform: 'neutral',
  // Peer and workspace dependencies stay imports: LangChain must be the application's single copy.
  external: ['@langchain/core', '@xinghuo/core'],
});
