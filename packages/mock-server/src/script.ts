import type { HandshakeRejection } from './auth/gateway-responses.js';
import type { MaybePromise } from './maybe-promise.js';
import type { MockHandler, MockHandshakeInfo, MockRequestInfo, MockScenario } from './scenarios.js';

/**
 * The per-test script: a FIFO queue of scenarios (one consumed per accepted connection) and a stack of
 * handlers (the most recently installed asked first). Queued scenarios win over handlers.
 */
export class MockScript {
  readonly #queue: MockScenario[] = [];
  #handlers: MockHandler[] = [];

  /** Queues scenarios; each accepted connection takes the next one. */
  enqueue(...scenarios: MockScenario[]): void {
    this.#queue.push(...scenarios);
  }

  /** Installs handlers; they are asked, newest first, when no queued scenario applies. */
  use(...handlers: MockHandler[]): void {
    this.#handlers = [...handlers.reverse(), ...this.#handlers];
  }

  /** Drops queued scenarios and handlers. */
  reset(): void {
    this.#queue.length = 0;
    this.#handlers = [];
  }

  /** Number of queued scenarios not consumed yet. */
  get pending(): number {
    return this.#queue.length;
  }

  /** Takes the next queued scenario. */
  take(): MockScenario | undefined {
    return this.#queue.shift();
  }

  /** Puts a taken scenario back at the front (its connection was refused before it could use it). */
  putBack(scenario: MockScenario): void {
    this.#queue.unshift(scenario);
  }

  /** Asks handlers whether to refuse a handshake; synchronous as long as every hook is. */
  handshakeRejection(info: MockHandshakeInfo, from = 0): MaybePromise<HandshakeRejection | undefined> {
    for (let index = from; index < this.#handlers.length; index += 1) {
      const handler = this.#handlers[index]!;
      if (typeof handler === 'function' || handler.handshake === undefined) continue;
      const rejection = handler.handshake(info);
      if (rejection instanceof Promise) {
        return rejection.then((resolved) => resolved ?? this.handshakeRejection(info, index + 1));
      }
      if (rejection !== undefined) return rejection;
    }
    return undefined;
  }

  /** Asks handlers for the scenario of a request; `undefined` means the default answer. */
  async scenarioFor(info: MockRequestInfo): Promise<MockScenario | undefined> {
    for (const handler of this.#handlers) {
      const decide = typeof handler === 'function' ? handler : handler.request;
      const scenario = await decide?.(info);
      if (scenario !== undefined) return scenario;
    }
    return undefined;
  }
}
