import { defineConfig } from 'tsup';
import { libraryDefaults } from '../../tsup.shared.ts';

export default defineConfig({
  ...libraryDefaults,
  entry: { index: 'src/index.ts' },
  platform: 'neutral',
  // The AI SDK packages stay imports: the provider must share the application's copy of their error classes.
  external: ['@ai-sdk/provider', '@ai-sdk/provider-utils', '@xinghuo/core', '@xinghuo/browser'],
});
