import { createSigningHandler, type SigningHandlerOptions } from '../src/signing/index';

/** Mock-looking credentials for the signing-handler tests (no real account). */
export const CREDENTIALS = {
  appId: 'app12345',
  apiKey: 'key-0123456789abcdef0123456789ab',
  apiSecret: 'secret-0123456789abcdef012345678',
};

/** The page origin (and host) the tests serve the handler under. */
export const ORIGIN = 'https://app.example.com';

/** A fixed clock: no token bucket refills unless a test moves it. */
export const FIXED_DATE = new Date('2026-01-02T03:04:05Z');

/** A public handler served at `app.example.com`, on a fixed clock, with `options` on top. */
export function handler(options: Partial<SigningHandlerOptions> = {}) {
  return createSigningHandler({
    ...CREDENTIALS,
    public: true,
    trustedHosts: ['app.example.com'],
    now: () => FIXED_DATE,
    ...options,
  });
}

/** A request to the handler at `https://app.example.com/api/spark/sign<query>`. */
export function get(query: string, headers: Record<string, string> = {}, method = 'GET'): Request {
  return new Request(`${ORIGIN}/api/spark/sign${query}`, { method, headers });
}

/** The `{ error: { code, message } }` body of a refusal. */
export async function errorOf(response: Response): Promise<{ code: string; message: string }> {
  const body = (await response.json()) as { error: { code: string; message: string } };
  return body.error;
}

/** `authorize` that lets in exactly `Authorization: Bearer good`. */
export const bearerGood = (request: Request) => request.headers.get('authorization') === 'Bearer good';

/** Sends `count` requests made by `request(index)`, one after another, and returns the statuses. */
export async function statusesOf(
  count: number,
  send: (index: number) => Promise<Response>,
): Promise<number[]> {
  const statuses: number[] = [];
  for (let index = 0; index < count; index += 1) {
    const response = await send(index);
    await response.arrayBuffer();
    statuses.push(response.status);
  }
  return statuses;
}

/** `[value, times]` pairs → a flat array, for expected status sequences. */
export function repeated(...runs: [number, number][]): number[] {
  return runs.flatMap(([value, times]) => Array.from({ length: times }, () => value));
}
