/**
 * The server side of one in-memory connection, as a scripted handler sees it.
 */

import { SparkConnectionError } from '../errors';
import { AsyncQueue } from '../exchange/async-queue';
import type { SparkRequestFrame } from '../protocol/websocket/encode-request';
import type { HandshakeFailure } from '../protocol/websocket/from-handshake';
import type { SparkConnection } from '../protocol/websocket/transport';

/** Where a connection is in its life. */
export type MemoryConnectionState = 'connecting' | 'open' | 'refused' | 'failed' | 'aborted' | 'closed';

/** How the handshake ended, as decided by the handler. */
export type HandshakeDecision =
  | { kind: 'accept' }
  | { kind: 'refuse'; failure: HandshakeFailure }
  | { kind: 'fail'; error: unknown };

/**
 * One connection as seen from the scripted server. Call `refuse`, `fail` or `hang` synchronously in the
 * handler (before its first `await`) to decide the handshake; otherwise it is accepted at once.
 */
export interface MemoryServerConnection {
  /** 0 for the first connection the transport opened, 1 for the next… */
  readonly index: number;
  /** The signed URL the client dialled. */
  readonly url: string;
  /** The client's first frame, parsed. Rejects if it is not JSON or the client closes before sending. */
  readonly request: Promise<SparkRequestFrame>;
  /** Every text frame the client sent, in order. */
  readonly received: readonly string[];
  /** Where the connection is in its life. */
  readonly state: MemoryConnectionState;
  /** True once no socket remains: closed by either side, refused, failed or aborted while connecting. */
  readonly closed: boolean;
  /** The code of the client's first `close()` call, if it made one. */
  readonly clientCloseCode: number | undefined;
  /** The code of the server's `close()` (1006 after `error()`), if it closed first. */
  readonly serverCloseCode: number | undefined;
  /** Resolves with the code when the client calls `close()`. */
  readonly clientClosed: Promise<number>;
  /** An error thrown by the handler, if any (the connection is then closed with 1011). */
  readonly handlerError: unknown;
  /** Sends a frame to the client: a string as it is, anything else as JSON. Ignored once closed. */
  send(frame: unknown): void;
  /** Closes from the server side; the client reads the frames already sent, then the end. */
  close(code?: number, reason?: string): void;
  /** Fails the socket: after the frames already sent, the client's read throws `SparkConnectionError`. */
  error(message?: string): void;
  /** Refuses the handshake with an HTTP response, e.g. `{ status: 401, body: '{"message":"Unauthorized"}' }`. */
  refuse(failure: HandshakeFailure): void;
  /** Fails the handshake without a response (DNS, TLS, network); default a `SparkConnectionError`. */
  fail(error?: unknown): void;
  /** Leaves the handshake pending: the client waits until it aborts or times out, or until `accept()`. */
  hang(): void;
  /** Completes a handshake left pending by `hang()` (simulates a slow handshake). */
  accept(): void;
}

/** The implementation behind {@link MemoryServerConnection}; internal to the memory transport. */
export class MemoryConnection implements MemoryServerConnection {
  readonly index: number;
  readonly url: string;
  readonly request: Promise<SparkRequestFrame>;
  readonly received: string[] = [];
  readonly clientClosed: Promise<number>;
  state: MemoryConnectionState = 'connecting';
  clientCloseCode: number | undefined;
  serverCloseCode: number | undefined;
  handlerError: unknown;
  /** Set by the transport: receives the handshake decision. */
  onDecision: ((decision: HandshakeDecision) => void) | undefined;
  held = false;

  readonly #inbound = new AsyncQueue<string>();
  #resolveRequest!: (frame: SparkRequestFrame) => void;
  #rejectRequest!: (error: unknown) => void;
  #resolveClientClosed!: (code: number) => void;
  #messagesTaken = false;

  constructor(url: string, index: number) {
    this.url = url;
    this.index = index;
    this.request = new Promise<SparkRequestFrame>((resolve, reject) => {
      this.#resolveRequest = resolve;
      this.#rejectRequest = reject;
    });
    this.request.catch(() => {});
    this.clientClosed = new Promise<number>((resolve) => {
      this.#resolveClientClosed = resolve;
    });
  }

  get closed(): boolean {
    return this.state !== 'connecting' && this.state !== 'open';
  }

  send(frame: unknown): void {
    if (this.state !== 'open') return;
    this.#inbound.push(typeof frame === 'string' ? frame : JSON.stringify(frame));
  }

  close(code = 1000): void {
    if (this.state === 'connecting') this.#decide({ kind: 'fail', error: undefined });
    if (this.state !== 'open') return;
    this.state = 'closed';
    this.serverCloseCode = code;
    this.#inbound.end();
    this.#rejectRequest(new Error('The server closed the connection before a request arrived.'));
  }

  error(message = 'The WebSocket failed (simulated).'): void {
    if (this.state !== 'open') return;
    this.state = 'closed';
    this.serverCloseCode = 1006;
    this.#inbound.fail(new SparkConnectionError(message));
    this.#rejectRequest(new Error('The connection failed before a request arrived.'));
  }

  refuse(failure: HandshakeFailure): void {
    this.#decide({ kind: 'refuse', failure });
  }

  fail(error?: unknown): void {
    this.#decide({ kind: 'fail', error });
  }

  hang(): void {
    if (this.state === 'connecting') this.held = true;
  }

  accept(): void {
    this.#decide({ kind: 'accept' });
  }

  /** Marks the handshake abandoned by the client (its signal aborted). */
  abortHandshake(): void {
    if (this.state !== 'connecting') return;
    this.state = 'aborted';
    this.onDecision = undefined;
    this.#rejectRequest(new Error('The client aborted the handshake.'));
  }

  /** Records a handler failure: refuses a pending handshake, closes an open socket with 1011. */
  handlerFailed(error: unknown): void {
    this.handlerError ??= error;
    if (this.state === 'connecting') this.fail(error);
    else this.close(1011);
  }

  #decide(decision: HandshakeDecision): void {
    if (this.state !== 'connecting') return;
    this.state = decision.kind === 'accept' ? 'open' : decision.kind === 'refuse' ? 'refused' : 'failed';
    if (decision.kind !== 'accept') this.#rejectRequest(new Error('The handshake did not complete.'));
    const onDecision = this.onDecision;
    this.onDecision = undefined;
    onDecision?.(decision);
  }

  /** The client's end of the socket. */
  clientSide(): SparkConnection {
    return {
      send: (text: string) => {
        if (this.state !== 'open') throw new SparkConnectionError('Cannot send: the WebSocket is closed.');
        this.received.push(text);
        if (this.received.length === 1) {
          try {
            this.#resolveRequest(JSON.parse(text) as SparkRequestFrame);
          } catch (error) {
            this.#rejectRequest(error);
          }
        }
      },
      messages: () => {
        if (this.#messagesTaken)
          throw new SparkConnectionError('messages() may be called only once per connection.');
        this.#messagesTaken = true;
        // The queue itself, as the node and browser transports return theirs: the engine reads it
        // through its push mode, so tests take the path production takes.
        return this.#inbound;
      },
      close: (code = 1000) => {
        if (this.clientCloseCode !== undefined) return;
        this.clientCloseCode = code;
        if (this.state === 'open') this.state = 'closed';
        this.#inbound.close();
        this.#rejectRequest(new Error('The client closed the connection before sending a request.'));
        this.#resolveClientClosed(code);
      },
    };
  }
}
