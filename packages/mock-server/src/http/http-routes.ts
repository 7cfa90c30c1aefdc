import { findRouteByModel, type MockModelRoute } from '../routes.js';

/** Where an HTTP endpoint puts the token usage of a streamed answer (spec §6.4). */
export type UsagePlacement = 'last-chunk' | 'own-chunk';

/** One OpenAI-compatible endpoint the mock serves (spec §6.1). */
export interface MockHttpRoute {
  /** URL path, e.g. `/v1/chat/completions`. */
  path: string;
  /** The `model` values accepted on this path, each with the limits the mock enforces for it. */
  models: Readonly<Record<string, MockModelRoute>>;
  /** `last-chunk` on `/v1`; a chunk of its own with empty `choices` on `/v2` and `/x2`. */
  usage: UsagePlacement;
  /** Whether `data:` is followed by a space in the stream (`/v1`: no; `/v2`, `/x2`: yes). */
  dataSpace: boolean;
}

function wsRoute(id: string): MockModelRoute {
  const found = findRouteByModel(id);
  if (found === undefined) throw new Error(`mock route ${id} is missing`);
  return found;
}

const X15 = wsRoute('x1');
/** X2 over HTTP: 64K in, 128K out (third-party figures, spec §6.1 ~). */
const X2: MockModelRoute = {
  ...X15,
  id: 'x2',
  aliases: [],
  path: '/x2',
  domains: ['spark-x'],
  maxOutputTokens: 128 * 1024,
};

/**
 * The hosted X2.5, HTTP only. Its path is not captured from the official page (spec §6.1 ?): the mock
 * serves the path core's registry assumes, so a client can be tested end to end; 256K out
 * (`max_completion_tokens` < 256K ✔), the context window assumed as large.
 */
const X25: MockModelRoute = {
  ...X15,
  id: 'spark-x2.5',
  aliases: ['x2.5'],
  path: '/x2.5',
  domains: ['spark-x2.5'],
  contextWindow: 262_144,
  maxOutputTokens: 262_143,
};

/** Every HTTP endpoint of the mock: the general models on `/v1`, X1.5 on `/v2`, X2 on `/x2`, X2.5 on `/x2.5`. */
export const MOCK_HTTP_ROUTES: readonly MockHttpRoute[] = [
  {
    path: '/v1/chat/completions',
    models: Object.fromEntries(
      ['lite', 'generalv3', 'pro-128k', 'generalv3.5', 'max-32k', '4.0Ultra'].map((id) => [id, wsRoute(id)]),
    ),
    usage: 'last-chunk',
    dataSpace: false,
  },
  {
    path: '/v2/chat/completions',
    // `x1` is the old id of X1.5, which the service maps to `spark-x`.
    models: { 'spark-x': X15, 'X1.5': X15, x1: X15 },
    usage: 'own-chunk',
    dataSpace: true,
  },
  {
    path: '/x2/chat/completions',
    models: { 'spark-x': X2, X2: X2 },
    usage: 'own-chunk',
    dataSpace: true,
  },
  {
    path: '/x2.5/chat/completions',
    models: { 'spark-x2.5': X25, 'spark-x2.5-4b': X25, 'spark-x2.5-1.7b': X25 },
    usage: 'own-chunk',
    // The X2.5 page shows `data: {…}` with a space (spec §6.4).
    dataSpace: true,
  },
];

/** Finds the HTTP endpoint served at `path`, or `undefined`. */
export function findHttpRoute(path: string): MockHttpRoute | undefined {
  return MOCK_HTTP_ROUTES.find((candidate) => candidate.path === path);
}
