import type { MockScenario } from '@xinghuo/mock-server';
import type { RelayHandler, SigningHandler, SigningRequestContext } from '@xinghuo/node';
import { MOCK_FAULTS, scenarioForFault } from './mock-faults';
import { checkWriteRequest, isSafeMethod } from './write-guard';

/** What `/api/config` tells the page. The app id is not a secret: it goes into every request frame. */
export interface PublicConfig {
  mode: 'mock' | 'live';
  appId: string;
  models: string[];
  defaultModel: string;
  mockFaults?: { id: string; label: string }[] | undefined;
  /** Where the page's HTTP client sends chat requests: the relay, which adds the credential. */
  relayPath: string;
}

/** The path the relay is mounted under; requests go to `<RELAY_PATH>/v1/chat/completions` and the like. */
export const RELAY_PATH = '/api/spark';

/** Whether a path is one the relay serves (`/api/spark/v1/chat/completions`, `/v2/…`, `/x2/…`). */
export function isRelayPath(pathname: string): boolean {
  return pathname.startsWith(`${RELAY_PATH}/`) && pathname.endsWith('/chat/completions');
}

/** Options of {@link createApiHandler}. */
export interface ApiHandlerOptions {
  config: PublicConfig;
  /** Serves `/api/spark/sign` (createSigningHandler from @xinghuo/node). */
  sign: SigningHandler;
  /** Serves `/api/spark/…/chat/completions` (createRelayHandler from @xinghuo/node). */
  relay: RelayHandler;
  /** The mock server's scenario queue; present in mock mode only. */
  enqueueMockScenario?: ((scenario: MockScenario) => void) | undefined;
}

function json(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' },
  });
}

function failure(status: number, code: string, message: string): Response {
  return json({ error: { code, message } }, status);
}

/**
 * The playground API as a Web-standard handler:
 * - `GET /api/config`: mode, app id, models and (mock mode) the faults on offer;
 * - `GET /api/spark/sign?model=<id>`: a signed URL, so the browser never holds the API secret;
 * - `POST /api/spark/v1/chat/completions` (and `/v2`, `/x2`): the HTTP relay, which adds the HTTP
 *   credential, so the browser never holds the APIPassword either;
 * - `POST /api/mock/next-fault` with `{ "fault": "<id>" }` or `{ "code": 10013 }`: the next answer
 *   fails that way (mock mode only; 404 in live mode).
 * State-changing requests must be same-origin `application/json` (403 / 415 otherwise).
 */
export function createApiHandler(options: ApiHandlerOptions) {
  return async (request: Request, context: SigningRequestContext = {}): Promise<Response> => {
    const { pathname } = new URL(request.url);
    // Every state-changing request, on any route, is same-origin JSON or nothing (see checkWriteRequest).
    if (!isSafeMethod(request.method)) {
      const refusal = checkWriteRequest(request);
      if (refusal) return failure(refusal.status, refusal.code, refusal.message);
    }
    if (pathname === '/api/config') {
      if (request.method !== 'GET') return failure(405, 'method_not_allowed', 'Use GET.');
      return json(options.config);
    }
    if (pathname === '/api/spark/sign') return options.sign(request, context);
    if (isRelayPath(pathname)) return options.relay(request, context);
    if (pathname === '/api/mock/next-fault' && options.enqueueMockScenario) {
      if (request.method !== 'POST') return failure(405, 'method_not_allowed', 'Use POST.');
      let body: unknown;
      try {
        body = await request.json();
      } catch {
        return failure(400, 'bad_request', 'Send JSON: { "fault": "<id>" } or { "code": 10013 }.');
      }
      const scenario = scenarioForFault(body);
      if (!scenario) {
        const ids = MOCK_FAULTS.map((fault) => fault.id).join(', ');
        return failure(
          400,
          'unknown_fault',
          `Unknown fault. Known: ${ids}; or { "code": <Spark error code> }.`,
        );
      }
      options.enqueueMockScenario(scenario);
      return json({ armed: true });
    }
    return failure(404, 'not_found', 'No such API route.');
  };
}
