/**
 * The two sides of the overhead comparison behind one signature: stream one answer, return its text.
 */
import { baselineChat, signBaselineUrl } from './baseline-client';

/** What both sides need to reach the mock. */
export interface SideTarget {
  /** Mock base URL, e.g. `ws://127.0.0.1:41234`. */
  baseURL: string;
  credentials: { appId: string; apiKey: string; apiSecret: string };
  /** Registry id for the SDK; the baseline gets the path and domain below. */
  model: string;
  path: string;
  domain: string;
}

/** Streams one answer to `prompt` and resolves with its full text. */
export type StreamOnce = (prompt: string) => Promise<string>;

/** The hand-written client: sign, dial, parse, append, stop at status 2. */
export function baselineSide(target: SideTarget): StreamOnce {
  const url = `${target.baseURL}${target.path}`;
  return async (prompt) => {
    const answer = await baselineChat(
      { url, domain: target.domain, messages: [{ role: 'user', content: prompt }] },
      target.credentials,
    );
    return answer.text;
  };
}

/**
 * `@xinghuo/node` with its defaults (retries, timeouts and all), consuming the event stream. Loaded
 * lazily, so the baseline's process never loads the SDK and its peak RSS stays its own.
 */
export async function sdkSide(target: SideTarget): Promise<StreamOnce> {
  const { createSparkClient } = await import('@xinghuo/node');
  const client = createSparkClient({
    ...target.credentials,
    baseURL: target.baseURL,
    defaultModel: target.model,
  });
  return async (prompt) => {
    let text = '';
    for await (const delta of client.stream({ messages: [{ role: 'user', content: prompt }] }).textStream) {
      text += delta;
    }
    return text;
  };
}

/**
 * Diagnostic variant: `@xinghuo/node` exactly as above, but signing through its public `signUrl`
 * provider option with `node:crypto` (synchronous HMAC) instead of core's WebCrypto signer. The
 * difference between the two SDK rows is the cost of WebCrypto signing on Node.
 */
export async function sdkNodeHmacSide(target: SideTarget): Promise<StreamOnce> {
  const { createSparkClient } = await import('@xinghuo/node');
  const { appId, apiKey, apiSecret } = target.credentials;
  const client = createSparkClient({
    appId,
    signUrl: async (request) => signBaselineUrl(request.url, apiKey, apiSecret, request.date),
    baseURL: target.baseURL,
    defaultModel: target.model,
  });
  return async (prompt) => {
    let text = '';
    for await (const delta of client.stream({ messages: [{ role: 'user', content: prompt }] }).textStream) {
      text += delta;
    }
    return text;
  };
}
