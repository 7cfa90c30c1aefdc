import { defineConfig } from 'tsup';
import { libraryDefaults } from '../../tsup.shared.ts';

export default defineConfig({
  ...libraryDefaults,
  entry: { index: 'src/index.ts', 'spark-codes': 'src/spark-codes.ts' },
  platform: 'neutral',
});
