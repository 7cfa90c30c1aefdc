import WebSocket from 'ws';
import { eventually as pollUntil } from '../../../../test-support/eventually';

/** A refused handshake as the client saw it. */
export interface HandshakeFailure {
  status: number;
  body: string;
  headers: Record<string, string | string[] | undefined>;
}

/** A server frame as the tests read it (fields are optional because faults send partial frames). */
export interface Frame {
  header: { code: number; message: string; sid: string; status: number };
  payload?: {
    choices?: {
      status: number;
      seq: number;
      text: {
        content: string;
        role: string;
        index: number;
        reasoning_content?: string;
        content_type?: string;
        function_call?: { name: string; arguments: string };
      }[];
    };
    usage?: {
      text: {
        question_tokens: number;
        prompt_tokens: number;
        completion_tokens: number;
        total_tokens: number;
      };
    };
    plugins?: { text: { name: string; content: string; role: string }[] };
  };
}

/** Everything a finished conversation produced. */
export interface Conversation {
  /** Raw text frames in arrival order. */
  raw: string[];
  /** Parsed frames (a frame that is not JSON is `undefined` at runtime). */
  frames: Frame[];
  closeCode: number;
  closeReason: string;
  /** Response headers of the 101 upgrade. */
  upgradeHeaders: Record<string, string | string[] | undefined>;
}

/** Opens a raw ws connection; rejects with a `HandshakeFailure` when the upgrade is refused. */
export function openSocket(
  url: string,
  headers: Record<string, string> = {},
): Promise<{ socket: WebSocket; upgradeHeaders: Record<string, string | string[] | undefined> }> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(url, { headers });
    let upgradeHeaders: Record<string, string | string[] | undefined> = {};
    socket.once('upgrade', (response) => {
      upgradeHeaders = response.headers;
    });
    socket.once('open', () => resolve({ socket, upgradeHeaders }));
    socket.once('unexpected-response', (_request, response) => {
      let body = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => {
        body += chunk;
      });
      response.on('end', () => {
        socket.terminate();
        reject({
          status: response.statusCode ?? 0,
          body,
          headers: response.headers,
        } satisfies HandshakeFailure);
      });
    });
    socket.once('error', reject);
  });
}

/** Collects frames until the server closes (or `stopAfter` frames arrive, then the client closes). */
export function collect(
  socket: WebSocket,
  options: { stopAfter?: number } = {},
): Promise<Omit<Conversation, 'upgradeHeaders'>> {
  return new Promise((resolve) => {
    const raw: string[] = [];
    socket.on('message', (data) => {
      raw.push(data.toString());
      if (options.stopAfter !== undefined && raw.length >= options.stopAfter) socket.close(1000, 'enough');
    });
    socket.once('close', (code, reason) => {
      resolve({
        raw,
        frames: raw.map(parseOrUndefined) as Frame[],
        closeCode: code,
        closeReason: reason.toString(),
      });
    });
  });
}

/** Connects, sends one request frame and collects the whole answer. */
export async function converse(
  url: string,
  frame: unknown,
  headers: Record<string, string> = {},
): Promise<Conversation> {
  const { socket, upgradeHeaders } = await openSocket(url, headers);
  const done = collect(socket);
  socket.send(typeof frame === 'string' ? frame : JSON.stringify(frame));
  return { ...(await done), upgradeHeaders };
}

/** Expects the handshake to be refused and returns what the client saw. */
export async function expectRefused(
  url: string,
  headers: Record<string, string> = {},
): Promise<HandshakeFailure> {
  try {
    const { socket } = await openSocket(url, headers);
    socket.terminate();
  } catch (failure) {
    return failure as HandshakeFailure;
  }
  throw new Error(`handshake to ${url.split('?')[0]} was accepted`);
}

/**
 * Pings the server and waits for its pong. The server answers the ping after everything it had
 * already sent on that socket, so once the pong is here every such frame has arrived too: a barrier
 * for checking that nothing more came, without waiting a fixed time.
 */
export function roundTrip(socket: WebSocket): Promise<void> {
  return new Promise((resolve) => {
    socket.once('pong', () => resolve());
    socket.ping();
  });
}

/** Joins the text deltas of answer frames. */
export function answerText(frames: readonly Frame[]): string {
  return frames.map((frame) => frame?.payload?.choices?.text?.[0]?.content ?? '').join('');
}

/** Waits until `condition` holds (at most 5 s, for a loaded machine); throws naming `what` otherwise. */
export async function eventually(condition: () => boolean, what = 'condition'): Promise<void> {
  if (!(await pollUntil(condition))) throw new Error(`timed out waiting for ${what}`);
}

function parseOrUndefined(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
