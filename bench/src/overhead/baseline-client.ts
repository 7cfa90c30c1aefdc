/**
 * The hand-written baseline: what a developer writes from iFlytek's demo in an afternoon, with no
 * SDK. It signs with `node:crypto`, dials with `ws`, `JSON.parse`s each frame, appends
 * `choices.text[0].content`, and stops at `header.status == 2`. No retries, no timeouts, no typed
 * errors: the least work a correct client can do, so the SDK's overhead is measured against it.
 */
import { createHmac } from 'node:crypto';
import WebSocket from 'ws';

/** Credentials as the iFlytek console hands them out. */
export interface BaselineCredentials {
  appId: string;
  apiKey: string;
  apiSecret: string;
}

/** One baseline request. */
export interface BaselineRequest {
  /** The `ws://` or `wss://` model URL (host, port and path are signed as dialled). */
  url: string;
  domain: string;
  messages: readonly { role: string; content: string }[];
  maxTokens?: number;
}

/** The answer text and the frame count it took. */
export interface BaselineAnswer {
  text: string;
  frames: number;
}

/** Signs `url` the way the official demo does (host, date, request-line; HMAC-SHA256). */
export function signBaselineUrl(url: string, apiKey: string, apiSecret: string, date = new Date()): string {
  const parsed = new URL(url);
  const rfc1123 = date.toUTCString();
  const origin = `host: ${parsed.host}\ndate: ${rfc1123}\nGET ${parsed.pathname} HTTP/1.1`;
  const signature = createHmac('sha256', apiSecret).update(origin).digest('base64');
  const authorizationOrigin = `api_key="${apiKey}", algorithm="hmac-sha256", headers="host date request-line", signature="${signature}"`;
  const query = new URLSearchParams({
    authorization: Buffer.from(authorizationOrigin).toString('base64'),
    date: rfc1123,
    host: parsed.host,
  });
  return `${url}?${query.toString()}`;
}

interface DemoFrame {
  header: { code: number; message?: string; status: number };
  payload?: { choices?: { text?: { content?: string }[] } };
}

/** Streams one answer and resolves with its whole text once `header.status == 2` arrives. */
export function baselineChat(
  request: BaselineRequest,
  credentials: BaselineCredentials,
): Promise<BaselineAnswer> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(signBaselineUrl(request.url, credentials.apiKey, credentials.apiSecret));
    let text = '';
    let frames = 0;
    let settled = false;
    const finish = (error: Error | undefined): void => {
      if (settled) return;
      settled = true;
      socket.close();
      if (error) reject(error);
      else resolve({ text, frames });
    };
    socket.on('open', () => {
      socket.send(
        JSON.stringify({
          header: { app_id: credentials.appId, uid: 'baseline' },
          parameter: {
            chat: { domain: request.domain, temperature: 0.5, max_tokens: request.maxTokens ?? 4096 },
          },
          payload: { message: { text: request.messages } },
        }),
      );
    });
    socket.on('message', (data) => {
      const frame = JSON.parse(String(data)) as DemoFrame;
      frames += 1;
      if (frame.header.code !== 0) {
        finish(new Error(`Spark error ${frame.header.code}: ${frame.header.message ?? ''}`));
        return;
      }
      text += frame.payload?.choices?.text?.[0]?.content ?? '';
      if (frame.header.status === 2) finish(undefined);
    });
    socket.on('error', (error) => finish(error));
    socket.on('close', () => finish(new Error('socket closed before the final frame')));
  });
}
