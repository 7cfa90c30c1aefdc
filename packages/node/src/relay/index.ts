export { DEFAULT_RELAY_ENDPOINTS, DEFAULT_RELAY_UPSTREAM } from './relay-endpoints';
export {
  createRelayHandler,
  type RelayBodyContext,
  type RelayHandler,
  type RelayHandlerOptions,
} from './relay-handler';
