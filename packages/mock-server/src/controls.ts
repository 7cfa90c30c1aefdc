import type { MockCredentials } from './credentials.js';
import type { MockSparkEngine } from './engine.js';
import type { MockConnectionRecord, MockRecordedRequest } from './records.js';
import { findRouteByModel, MOCK_ROUTES } from './routes.js';
import type { MockHandler, MockScenario } from './scenarios.js';

/** The controls every face of the mock (ws server, msw handler) offers over its engine. */
export interface MockSparkControls {
  /** The credentials it accepts. */
  readonly credentials: Readonly<MockCredentials>;
  /** The latest request frames received (authorization redacted; at most `maxRecords`), oldest first. */
  readonly requests: readonly MockRecordedRequest[];
  /** The latest handshake attempts with their HTTP status (101 when accepted; at most `maxRecords`). */
  readonly connections: readonly MockConnectionRecord[];
  /** Queues scenarios, consumed one per accepted connection in FIFO order. */
  enqueue(...scenarios: MockScenario[]): void;
  /** Installs handlers that see each request and decide its scenario (newest first). */
  use(...handlers: MockHandler[]): void;
  /** Clears queued scenarios, handlers and records. */
  reset(): void;
  /** Number of WebSockets currently open. */
  openSockets(): number;
  /** Number of HTTP chat-completions requests being answered (open, streaming or stalled). */
  openHttpRequests(): number;
  /** The HTTP `APIPassword` it accepts as `Authorization: Bearer <apiPassword>`. */
  readonly apiPassword: string;
  /** The full URL of a model by id, alias or domain, e.g. `modelUrl('max')` → `<base URL>/v3.5/chat`. */
  modelUrl(model: string): string;
}

/**
 * The controls of `engine` for a face whose model URLs start with `baseURL` and which counts its own
 * open sockets.
 */
export function engineControls(
  engine: MockSparkEngine,
  face: { baseURL: string; openSockets: () => number },
): MockSparkControls {
  return {
    credentials: engine.credentials,
    requests: engine.requests,
    connections: engine.connections,
    enqueue: (...scenarios) => engine.script.enqueue(...scenarios),
    use: (...handlers) => engine.script.use(...handlers),
    reset: () => engine.reset(),
    openSockets: face.openSockets,
    openHttpRequests: () => engine.openHttpExchanges(),
    apiPassword: engine.apiPassword,
    modelUrl(model) {
      const route = findRouteByModel(model);
      if (route === undefined) {
        const known = MOCK_ROUTES.map((candidate) => candidate.id).join(', ');
        throw new Error(`Unknown Spark model "${model}". Known models: ${known}.`);
      }
      return `${face.baseURL}${route.path}`;
    },
  };
}
