/**
 * An in-memory {@link SparkTransport} driven by a scripted server handler, for unit tests of code that
 * uses the client: no sockets, no ports, deterministic.
 */
import { SparkAbortError, toSparkError } from '../errors';
import { onAbort } from '../exchange/abort';
import { errorFromHandshake } from '../protocol/websocket/from-handshake';
import type { SparkTransport } from '../protocol/websocket/transport';
import type { SparkServerFrame } from './frames';
import { MemoryConnection, type MemoryServerConnection } from './memory-connection';

/** Scripts the server side of each connection. May be async; a throw closes the socket with 1011. */
export type MemoryHandler = (server: MemoryServerConnection) => void | Promise<void>;

/** A transport that also records every connection it opened. */
export interface MemoryTransport extends SparkTransport {
  /** Every connection attempt, in order, whatever became of it. */
  readonly connections: readonly MemoryServerConnection[];
  /** Connections still connecting or open: after a finished request this should be empty. */
  openConnections(): MemoryServerConnection[];
  /**
   * Resolves with the connection at `index` (0 for the first) once the client dials it, so a test can
   * act when the client reaches the handshake instead of waiting a fixed time.
   */
  connectionAt(index: number): Promise<MemoryServerConnection>;
}

/**
 * Creates an in-memory transport. The handler is called for each connection, synchronously during the
 * handshake: it can refuse it (`server.refuse({ status: 401, body })`), fail it, leave it hanging, or
 * let it complete and then read `server.request` and `send` frames.
 *
 * @example
 * ```ts
 * import { createSparkClient } from '@xinghuo/core';
 * import { answerFrames, createMemoryTransport } from '@xinghuo/core/testing';
 *
 * const transport = createMemoryTransport(async (server) => {
 *   const request = await server.request;
 *   for (const frame of answerFrames(`echo: ${request.payload.message.text.at(-1)?.content}`)) server.send(frame);
 *   server.close();
 * });
 * const client = createSparkClient({ appId: 'app', apiKey: 'key', apiSecret: 'secret', transport, defaultModel: 'lite' });
 * const result = await client.chat({ messages: [{ role: 'user', content: 'hi' }] });
 * // result.text === 'echo: hi'; transport.openConnections().length === 0
 * ```
 */
export function createMemoryTransport(handler: MemoryHandler): MemoryTransport {
  const connections: MemoryConnection[] = [];
  const waiters = new Map<number, ((connection: MemoryServerConnection) => void)[]>();
  const transport = (url: string, options: { signal?: AbortSignal | undefined } = {}) => {
    const connection = new MemoryConnection(url, connections.length);
    connections.push(connection);
    for (const resolve of waiters.get(connection.index) ?? []) resolve(connection);
    waiters.delete(connection.index);
    const { signal } = options;
    return new Promise<ReturnType<MemoryConnection['clientSide']>>((resolve, reject) => {
      if (signal?.aborted) {
        connection.abortHandshake();
        reject(new SparkAbortError(undefined, { cause: signal.reason }));
        return;
      }
      const stopListening = onAbort(signal, () => {
        connection.abortHandshake();
        reject(new SparkAbortError(undefined, { cause: signal?.reason }));
      });
      connection.onDecision = (decision) => {
        stopListening();
        if (decision.kind === 'accept') resolve(connection.clientSide());
        else if (decision.kind === 'refuse') reject(errorFromHandshake(decision.failure));
        else reject(toSparkError(decision.error, 'The WebSocket handshake failed (simulated)'));
      };
      try {
        const running = handler(connection);
        if (running && typeof running.then === 'function') {
          running.then(undefined, (error: unknown) => connection.handlerFailed(error));
        }
      } catch (error) {
        connection.handlerFailed(error);
      }
      if (!connection.held) connection.accept();
    });
  };
  return Object.assign(transport, {
    connections: connections as readonly MemoryServerConnection[],
    openConnections: () => connections.filter((connection) => !connection.closed),
    connectionAt: (index: number) =>
      new Promise<MemoryServerConnection>((resolve) => {
        const opened = connections[index];
        if (opened) resolve(opened);
        else waiters.set(index, [...(waiters.get(index) ?? []), resolve]);
      }),
  });
}

/** Options of {@link respondWith}. */
export interface RespondWithOptions {
  /** Close from the server side after the last frame, as Spark does (default true). */
  close?: boolean | undefined;
  /** Wait this many ms between frames (default 0: all at once). */
  delayMs?: number | undefined;
}

/**
 * A handler that waits for the request, sends `frames` and closes, on every connection.
 *
 * @example
 * ```ts
 * const transport = createMemoryTransport(respondWith(answerFrames('你好')));
 * ```
 */
export function respondWith(
  frames: readonly (SparkServerFrame | string)[],
  options: RespondWithOptions = {},
): MemoryHandler {
  return async (server) => {
    await server.request;
    for (const frame of frames) {
      if (options.delayMs) await new Promise((resolve) => setTimeout(resolve, options.delayMs));
      server.send(frame);
    }
    if (options.close ?? true) server.close();
  };
}
