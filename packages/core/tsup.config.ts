import { defineConfig } from 'tsup';
import { libraryDefaults } from '../../tsup.shared.ts';

export default defineConfig({
  ...libraryDefaults,
  // `portable` (everything but the credential signer) and `sign-url` are entries of their own, so a
  // browser app can load the HMAC signer with a dynamic `import()` instead of in its first download.
  entry: {
    index: 'src/index.ts',
    portable: 'src/portable.ts',
    'sign-url': 'src/signing/sign-url.ts',
    'spark-codes': 'src/spark-codes.ts',
    testing: 'src/testing/index.ts',
    transport: 'src/transport.ts',
    websocket: 'src/websocket.ts',
  },
  platform: 'neutral',
  // Share one copy of the error classes between the `.` and `./testing` entries in CJS too (ESM splits
  // by default): without it, errors built by @xinghuo/core/testing fail `instanceof` checks in CJS.
  splitting: true,
});
