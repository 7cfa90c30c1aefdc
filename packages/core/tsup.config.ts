import { defineConfig } from 'tsup';

export default defineConfig({
  // `portable` (everything but the credential signer) and `sign-url` are entries of their own, so a
  // browser app can load the HMAC signer with a dynamic `import()` instead of in its first download.
  entry: {
    index: 'src/index.ts',
    portable: 'src/portable.ts',
    'sign-url': 'src/sign-url.ts',
    testing: 'src/testing/index.ts',
  },
  format: ['esm', 'cjs'],
  dts: true,
  sourcemap: true,
  clean: false,
  target: 'es2022',
  platform: 'neutral',
  treeshake: true,
  // Share one copy of the error classes between the `.` and `./testing` entries in CJS too (ESM splits
  // by default): without it, errors built by @xinghuo/core/testing fail `instanceof` checks in CJS.
  splitting: true,
});
