/** One model the mock serves: the URL path, the accepted `domain` values and the limits it enforces. */
export interface MockModelRoute {
  /** Registry id of the model, e.g. `generalv3.5`. */
  id: string;
  /** Other names accepted by `modelUrl()`, e.g. `max`. */
  aliases: readonly string[];
  /** URL path of the WebSocket endpoint, e.g. `/v3.5/chat`. */
  path: string;
  /** `parameter.chat.domain` values accepted on this path; the first is the current one. */
  domains: readonly string[];
  /** Maximum input tokens (all message contents). */
  contextWindow: number;
  /** Largest accepted `max_tokens`. */
  maxOutputTokens: number;
  /** Whether the model streams `reasoning_content` before the answer. */
  reasoning: boolean;
  /** Largest accepted `temperature` (chat models take (0, 1]). */
  maxTemperature: number;
}

/**
 * Every model path of the Spark WebSocket API (spec §2). Lite also accepts its legacy `general` domain and
 * X1 accepts both `x1` and its newer name `spark-x`.
 */
export const MOCK_ROUTES: readonly MockModelRoute[] = [
  route('lite', ['general'], '/v1.1/chat', ['lite', 'general'], 8192, 4096),
  route('generalv3', ['pro'], '/v3.1/chat', ['generalv3'], 8192, 8192),
  route('pro-128k', [], '/chat/pro-128k', ['pro-128k'], 128 * 1024, 4096),
  route('generalv3.5', ['max'], '/v3.5/chat', ['generalv3.5'], 8192, 8192),
  route('max-32k', [], '/chat/max-32k', ['max-32k'], 32 * 1024, 8192),
  route('4.0Ultra', ['ultra'], '/v4.0/chat', ['4.0Ultra'], 8192, 8192),
  route('kjwx', [], '/v1.1/chat_kjwx', ['kjwx'], 8192, 4096),
  {
    ...route('x1', ['spark-x'], '/v1/x1', ['x1', 'spark-x'], 64 * 1024, 64 * 1024),
    reasoning: true,
    maxTemperature: 2,
  },
];

function route(
  id: string,
  aliases: string[],
  path: string,
  domains: string[],
  contextWindow: number,
  maxOutputTokens: number,
): MockModelRoute {
  return { id, aliases, path, domains, contextWindow, maxOutputTokens, reasoning: false, maxTemperature: 1 };
}

/** Finds the route served at `path`, or `undefined` (the gateway then answers HTTP 404). */
export function findRouteByPath(path: string): MockModelRoute | undefined {
  return MOCK_ROUTES.find((candidate) => candidate.path === path);
}

/** Finds a route by model id, alias or domain; `undefined` when nothing matches. */
export function findRouteByModel(model: string): MockModelRoute | undefined {
  return MOCK_ROUTES.find(
    (candidate) =>
      candidate.id === model || candidate.aliases.includes(model) || candidate.domains.includes(model),
  );
}
