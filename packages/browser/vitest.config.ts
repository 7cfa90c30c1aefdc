import { defineConfig, mergeConfig } from 'vitest/config';
import { sharedTestConfig } from '../../vitest.shared';

/**
 * Two projects: `node` runs the unit and loopback tests on plain Node 20 (no global WebSocket, so the
 * transport gets `ws` injected); `global-websocket` runs the msw tests with Node's own WHATWG
 * WebSocket enabled (`--experimental-websocket`), which msw intercepts the way it does in a browser.
 */
export default mergeConfig(
  sharedTestConfig,
  defineConfig({
    test: {
      projects: [
        { extends: true, test: { name: 'node', exclude: ['test/**/*.msw.test.ts'] } },
        {
          extends: true,
          test: {
            name: 'global-websocket',
            include: ['test/**/*.msw.test.ts'],
            execArgv: ['--experimental-websocket'],
          },
        },
      ],
    },
  }),
);
