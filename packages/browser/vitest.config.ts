import { defineConfig } from 'vitest/config';
import { sharedTestConfig } from '../../vitest.shared.ts';

const shared = sharedTestConfig.test ?? {};
/** Tests that need a global WebSocket: through msw, or over Node's own WHATWG implementation. */
const globalWebSocketTests = ['test/**/*.msw.test.ts', 'test/**/*.global.test.ts'];

/**
 * Two projects on the shared settings: `node` runs the unit and loopback tests on plain Node 20 (no
 * global WebSocket, so the transport gets `ws` injected); `global-websocket` runs the msw tests and the
 * global-WebSocket tests with Node's own WHATWG WebSocket enabled (`--experimental-websocket`), which
 * msw intercepts the way it does in a browser.
 */
export default defineConfig({
  test: {
    projects: [
      {
        test: { ...shared, name: 'node', exclude: [...(shared.exclude ?? []), ...globalWebSocketTests] },
      },
      {
        test: {
          ...shared,
          name: 'global-websocket',
          include: globalWebSocketTests,
          execArgv: ['--experimental-websocket'],
        },
      },
    ],
  },
});
