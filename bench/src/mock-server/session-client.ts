/**
 * A raw `ws` client for the capacity benchmark: signs the URL itself (node:crypto), sends one request
 * frame and counts the answer frames until the server closes. No SDK code is involved, so the numbers
 * describe the mock server, not a client library.
 */
import { createHmac } from 'node:crypto';
import WebSocket from 'ws';

/** Credentials printed by `xinghuo-mock`. */
export interface BenchCredentials {
  appId: string;
  apiKey: string;
  apiSecret: string;
}

/** The outcome of one session. */
export interface SessionOutcome {
  ok: boolean;
  frames: number;
  milliseconds: number;
}

/** Signs `url` like the official demo (host with port, GET request line, form-encoded query). */
export function signBenchUrl(url: string, credentials: BenchCredentials): string {
  const target = new URL(url);
  const date = new Date().toUTCString();
  const signature = createHmac('sha256', credentials.apiSecret)
    .update(`host: ${target.host}\ndate: ${date}\nGET ${target.pathname} HTTP/1.1`)
    .digest('base64');
  const authorization = Buffer.from(
    `api_key="${credentials.apiKey}", algorithm="hmac-sha256", headers="host date request-line", signature="${signature}"`,
  ).toString('base64');
  return `${url}?${new URLSearchParams({ authorization, date, host: target.host })}`;
}

/** Runs one session: connect, send one request, read frames until close. Never rejects. */
export function runSession(
  url: string,
  credentials: BenchCredentials,
  question: string,
): Promise<SessionOutcome> {
  const started = performance.now();
  return new Promise((resolve) => {
    let frames = 0;
    let finished = false;
    const socket = new WebSocket(signBenchUrl(url, credentials), { perMessageDeflate: false });
    socket.on('open', () => {
      socket.send(
        JSON.stringify({
          header: { app_id: credentials.appId, uid: 'bench' },
          parameter: { chat: { domain: 'lite', max_tokens: 1024 } },
          payload: { message: { text: [{ role: 'user', content: question }] } },
        }),
      );
    });
    socket.on('message', (data) => {
      frames += 1;
      if (!finished && JSON.parse(data.toString()).header.status === 2) finished = true;
    });
    socket.on('error', () => undefined);
    socket.on('close', () => resolve({ ok: finished, frames, milliseconds: performance.now() - started }));
  });
}
