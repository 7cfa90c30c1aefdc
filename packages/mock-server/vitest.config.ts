import { mergeConfig } from 'vitest/config';
import { sharedTestConfig } from '../../vitest.shared.ts';

// Node 20 has no global WebSocket; the msw face is tested against Node's built-in one behind this flag.
export default mergeConfig(sharedTestConfig, { test: { execArgv: ['--experimental-websocket'] } });
