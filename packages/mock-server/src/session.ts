import { errorFrame } from './answer/frames.js';
import { buildPlan } from './answer/plan.js';
import { createSid } from './answer/sid.js';
import type { ChatRequest } from './chat-request.js';
import type { MockRecordedRequest } from './records.js';
import type { MockModelRoute } from './routes.js';
import type { MockHandshakeInfo, MockScenario } from './scenarios.js';
import type { MockScript } from './script.js';
import { sparkError } from './spark-errors.js';
import { validateRequest } from './validate-request.js';

/** The little a session needs from a socket, so the ws server and the msw handler can both drive it. */
export interface SessionSocket {
  send(text: string): void;
  /** Closes with a close frame. */
  close(code: number, reason: string): void;
  /** Destroys the connection without a close frame (an abnormal 1006 closure for the client). */
  terminate(): void;
}

/** Server-wide settings a session reads. */
export interface SessionSettings {
  appId: string;
  latencyMs: number;
  chunkChars: number;
  requestTimeoutMs: number;
  now: () => Date;
  script: MockScript;
  record: (request: MockRecordedRequest) => void;
}

/** Per-connection facts established by the handshake. */
export interface SessionContext {
  route: MockModelRoute;
  info: MockHandshakeInfo;
  query: URLSearchParams;
  /** The scenario taken from the queue when the connection was accepted. */
  queued: MockScenario | undefined;
}

type SessionState = 'waiting' | 'answering' | 'done';

/**
 * The per-connection state machine: wait for one request frame (closing after `requestTimeoutMs`),
 * validate it, pick the scenario, play its frames with latency, then close. A second frame while
 * answering gets error 10007, as on the real service.
 */
export class MockSession {
  #state: SessionState = 'waiting';
  #timer: ReturnType<typeof setTimeout> | undefined;
  #wake: (() => void) | undefined;
  readonly #sid: string;

  constructor(
    private readonly socket: SessionSocket,
    private readonly settings: SessionSettings,
    private readonly context: SessionContext,
  ) {
    this.#sid = createSid(settings.now());
    this.#timer = setTimeout(
      () => this.#finish('close', 'no request received in time'),
      settings.requestTimeoutMs,
    );
  }

  /** Handles a text frame from the client. */
  receive(text: string): void {
    if (this.#state === 'done') return;
    if (this.#state === 'answering') {
      this.socket.send(errorFrame(this.#sid, sparkError(10007)));
      this.#finish('close', 'second request on one connection');
      return;
    }
    clearTimeout(this.#timer);
    this.#state = 'answering';
    void this.#answer(text).catch((error: unknown) => this.#fail(error));
  }

  /** Stops all timers once the socket is closed by either side. */
  handleClose(): void {
    this.#state = 'done';
    clearTimeout(this.#timer);
    this.#wake?.();
  }

  async #answer(text: string): Promise<void> {
    const { route, info, queued } = this.context;
    const record: MockRecordedRequest = {
      path: info.path,
      model: info.model,
      url: info.url,
      date: this.context.query.get('date'),
      host: this.context.query.get('host'),
      raw: text,
      frame: undefined,
      at: this.settings.now(),
    };
    let request: ChatRequest;
    if (queued?.validate === false) {
      record.frame = parseJson(text);
      request = looseRequest(record.frame);
    } else {
      const result = validateRequest(text, { route, appId: this.settings.appId });
      // The validated request holds the parsed frame: record that one object rather than parse twice
      // (a second copy of a large frame would double what each record keeps).
      record.frame = result.ok ? result.request.frame : parseJson(text);
      if (!result.ok) {
        record.error = result.error;
        this.settings.record(record);
        this.socket.send(errorFrame(this.#sid, result.error));
        this.#finish('close', 'invalid request');
        return;
      }
      request = result.request;
    }
    record.request = request;
    this.settings.record(record);

    const scenario = queued ?? (await this.settings.script.scenarioFor({ ...info, request })) ?? {};
    if (this.#state !== 'answering') return;
    const plan = buildPlan(request, scenario, {
      route,
      sid: this.#sid,
      chunkChars: scenario.chunkChars ?? this.settings.chunkChars,
    });
    const latencyMs = scenario.latencyMs ?? this.settings.latencyMs;
    for (const action of plan) {
      if (action.type === 'send') {
        if (latencyMs > 0) await this.#sleep(latencyMs);
        if (this.#state !== 'answering') return;
        this.socket.send(action.text);
      } else if (action.type === 'stall') {
        return;
      } else {
        this.#finish(action.type === 'drop' ? 'terminate' : 'close', 'answer complete');
        return;
      }
    }
  }

  /**
   * A throwing request handler (or a bug in the mock) must not look like a normal answer or vanish:
   * the client gets an engine error frame naming the cause, which the test then sees.
   */
  #fail(error: unknown): void {
    if (this.#state !== 'answering') return;
    const detail = error instanceof Error ? error.message : String(error);
    this.socket.send(errorFrame(this.#sid, sparkError(10012, `mock handler failed: ${detail}`)));
    this.#finish('close', 'handler failed');
  }

  #sleep(milliseconds: number): Promise<void> {
    return new Promise((resolve) => {
      this.#wake = resolve;
      this.#timer = setTimeout(resolve, milliseconds);
    });
  }

  #finish(how: 'close' | 'terminate', reason: string): void {
    if (this.#state === 'done') return;
    this.handleClose();
    if (how === 'terminate') this.socket.terminate();
    else this.socket.close(1000, reason);
  }
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** A best-effort request for scenarios that skip validation: whatever messages the frame has. */
function looseRequest(frame: unknown): ChatRequest {
  const record = (value: unknown): Record<string, unknown> =>
    typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
  const root = record(frame);
  const text = record(record(root.payload).message).text;
  const messages = Array.isArray(text)
    ? text.map((item) => ({
        role: String(record(item).role ?? 'user'),
        content: String(record(item).content ?? ''),
      }))
    : [];
  return {
    appId: String(record(root.header).app_id ?? ''),
    domain: String(record(record(root.parameter).chat).domain ?? ''),
    messages,
    functions: [],
    frame: root,
  };
}
