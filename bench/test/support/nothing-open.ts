/**
 * The end-of-test check of the reliability suites: once an exchange is over, nothing may stay open
 * on either side of the wire.
 */
import type { MockSpark } from '@xinghuo/mock-server';

/**
 * True when the mock holds no WebSocket and no HTTP request and the client side has `clientOpen`
 * (its tracked sockets, requests or recorded exchanges still open) at zero.
 */
export function nothingOpen(mock: MockSpark, clientOpen: number): boolean {
  return mock.openSockets() === 0 && mock.openHttpRequests() === 0 && clientOpen === 0;
}
