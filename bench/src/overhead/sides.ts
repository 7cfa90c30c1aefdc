/**
 * The two sides of the overhead comparison behind one signature: stream one answer, return its text.
 */
import type { SparkClient } from '@xinghuo/core';
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

/** The SDK rows' loop: one streamed answer through the client's event stream, text joined from deltas. */
function streamTextWith(client: Pick<SparkClient, 'stream'>): StreamOnce {
  return async (prompt) => {
    let text = '';
    for await (const delta of client.stream({ messages: [{ role: 'user', content: prompt }] }).textStream) {
      text += delta;
    }
    return text;
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
  return streamTextWith(client);
}

/**
 * Diagnostic variant: the same engine and `ws` transport, but signing with core's platform-neutral
 * WebCrypto signer (core's `createSparkClient` default) instead of `@xinghuo/node`'s `node:crypto` HMAC.
 * The difference between the two SDK rows is what WebCrypto signing costs on Node.
 */
export async function sdkWebCryptoSide(target: SideTarget): Promise<StreamOnce> {
  const [{ createSparkClient }, { createWsTransport }] = await Promise.all([
    import('@xinghuo/core'),
    import('@xinghuo/node'),
  ]);
  const client = createSparkClient({
    ...target.credentials,
    transport: createWsTransport(),
    baseURL: target.baseURL,
    defaultModel: target.model,
  });
  return streamTextWith(client);
}

/**
 * Diagnostic variant: `@xinghuo/node`'s `ws` transport driven by the hand-written loop (sign with
 * `node:crypto`, `JSON.parse`, append, stop at status 2), without core's client engine. Its distance
 * from the baseline is the transport's cost; its distance from the SDK rows is the engine's.
 */
export async function nodeTransportSide(target: SideTarget): Promise<StreamOnce> {
  const { createWsTransport } = await import('@xinghuo/node');
  const transport = createWsTransport();
  const { appId, apiKey, apiSecret } = target.credentials;
  const url = `${target.baseURL}${target.path}`;
  return async (prompt) => {
    const connection = await transport(signBaselineUrl(url, apiKey, apiSecret), {});
    try {
      connection.send(
        JSON.stringify({
          header: { app_id: appId, uid: 'baseline' },
          parameter: { chat: { domain: target.domain, temperature: 0.5, max_tokens: 4096 } },
          payload: { message: { text: [{ role: 'user', content: prompt }] } },
        }),
      );
      let text = '';
      for await (const raw of connection.messages()) {
        const frame = JSON.parse(raw) as {
          header: { code: number; status: number };
          payload?: { choices?: { text?: { content?: string }[] } };
        };
        if (frame.header.code !== 0) throw new Error(`Spark error ${frame.header.code}`);
        text += frame.payload?.choices?.text?.[0]?.content ?? '';
        if (frame.header.status === 2) return text;
      }
      throw new Error('socket closed before the final frame');
    } finally {
      connection.close(1000);
    }
  };
}
