/**
 * Runs the fault matrix (see `fault-cases.ts`) against one transport (a WebSocket one, or the HTTP
 * protocol's `fetch`): each case must end in the expected typed error, leave no socket or request open
 * on either side, raise no unhandled rejection and put no secret in any error text or log line.
 */
import { createSparkClient, SparkError, type SparkLogger, signUrl } from '@xinghuo/core';
import { type MockSpark, startMockSpark } from '@xinghuo/mock-server';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { eventually } from '../../../test-support/eventually';
import {
  type AbortPoint,
  type ExpectedError,
  FAULT_CASES,
  type FaultCase,
  installFaults,
} from './fault-cases';
import { nothingOpen } from './nothing-open';
import { authorizationOf, errorTexts, findSecrets } from './secrets';
import type { TrackedTransport } from './tracked-transports';

/** Deadlines of the matrix: long enough for a loaded machine, short enough to keep the suite quick. */
const TIMEOUTS = { connectMs: 2_500, firstTokenMs: 2_000, idleMs: 2_000, totalMs: 0 };
/** Upper bound for a case to settle; a case that needs it has hung. */
const SETTLE_GUARD_MS = 8_000;

interface CaseRun {
  error: unknown;
  deltas: number;
  logs: string[];
}

/**
 * Defines the matrix suite for the transport `createTracked` builds (a fresh one per case), which
 * speaks `protocol` (the cases that only apply to the other protocol are left out).
 */
export function describeFaultMatrix(
  title: string,
  protocol: 'ws' | 'http',
  createTracked: () => TrackedTransport,
): void {
  describe(title, () => {
    let mock: MockSpark;
    const unhandled: unknown[] = [];
    const onUnhandled = (reason: unknown) => unhandled.push(reason);
    let release: () => void = () => {};

    beforeAll(async () => {
      mock = await startMockSpark();
      process.on('unhandledRejection', onUnhandled);
    });
    afterEach(() => {
      release();
      mock.reset();
    });
    afterAll(async () => {
      process.off('unhandledRejection', onUnhandled);
      await mock.close();
    });

    const cases = FAULT_CASES.filter((fault) => (fault.protocols ?? ['ws', 'http']).includes(protocol)).map(
      (fault): FaultCase => (protocol === 'http' ? { ...fault, ...fault.overHttp } : fault),
    );
    it.each(cases)('$name → $expected.code', async (fault) => {
      unhandled.length = 0;
      const tracked = createTracked();
      const expected = (tracked.name === 'browser' && fault.browserExpected) || fault.expected;
      const run = await runCase(mock, tracked, fault, (releaseHeld) => {
        release = releaseHeld;
      });

      expectTypedError(run, expected);
      // No socket left open on either side once the release of held handshakes has run.
      release();
      expect(await eventually(() => nothingOpen(mock, tracked.openSockets()))).toBe(true);
      // Node reports a rejection nobody handled once the microtask queue has drained after the turn it
      // happened in; one full turn of the event loop (setImmediate) lets that report run before we look.
      await new Promise((resolve) => setImmediate(resolve));
      expect(unhandled).toEqual([]);

      const secrets = {
        apiKey: mock.credentials.apiKey,
        apiSecret: mock.credentials.apiSecret,
        others: [mock.apiPassword],
        authorizations: tracked.urls
          .map(authorizationOf)
          .filter((value): value is string => value !== undefined),
      };
      for (const text of [...errorTexts(run.error), ...run.logs])
        expect(findSecrets(text, secrets)).toEqual([]);
    });
  });
}

function expectTypedError(run: CaseRun, expected: ExpectedError): void {
  const { error } = run;
  expect(SparkError.isInstance(error), `expected a SparkError, got ${String(error)}`).toBe(true);
  const sparkError = error as SparkError & {
    phase?: string;
    stage?: string;
    partialText?: string;
    retryAfterMs?: number;
  };
  expect(sparkError.code).toBe(expected.code);
  if (expected.name) expect(sparkError.name).toBe(expected.name);
  if (expected.sparkCode !== undefined) expect(sparkError.sparkCode).toBe(expected.sparkCode);
  if (expected.status !== undefined) expect(sparkError.status).toBe(expected.status);
  if (expected.phase) expect(sparkError.phase).toBe(expected.phase);
  if (expected.stage) expect(sparkError.stage).toBe(expected.stage);
  if (expected.partialText) expect(sparkError.partialText?.length ?? 0).toBeGreaterThan(0);
  if (expected.retryAfterMs !== undefined) expect(sparkError.retryAfterMs).toBe(expected.retryAfterMs);
  if (expected.deltasBefore !== undefined) expect(run.deltas).toBeGreaterThanOrEqual(expected.deltasBefore);
}

async function runCase(
  mock: MockSpark,
  tracked: TrackedTransport,
  fault: FaultCase,
  setRelease: (release: () => void) => void,
): Promise<CaseRun> {
  const controller = new AbortController();
  const abortAt = (point: AbortPoint) => {
    if (fault.abortAt === point) controller.abort();
  };
  const requestsBefore = mock.requests.length;
  setRelease(installFaults(mock, fault, () => abortAt('connecting')));

  const logs: string[] = [];
  const log = (level: string) => (message: string, data?: Record<string, unknown>) => {
    logs.push(`${level} ${message} ${JSON.stringify(data ?? {})}`);
  };
  const logger: SparkLogger = {
    debug: log('debug'),
    info: log('info'),
    warn: log('warn'),
    error: log('error'),
  };
  const wrong = 'W'.repeat(32);
  const apiSecret = fault.wrongSecret ? wrong : mock.credentials.apiSecret;
  const credentials = { apiKey: mock.credentials.apiKey, apiSecret };
  const common = { defaultModel: 'lite', maxRetries: 0, timeouts: TIMEOUTS, logger };

  const client = createSparkClient(
    tracked.name === 'http'
      ? {
          ...common,
          ...tracked.clientOptions,
          baseURL: mock.httpURL,
          apiPassword: fault.wrongSecret ? wrong : mock.apiPassword,
        }
      : {
          ...common,
          ...tracked.clientOptions,
          appId: mock.credentials.appId,
          baseURL: mock.url,
          ...(fault.abortAt === 'signing' || fault.abortAt === 'signing-sync'
            ? {
                // A provider (say, a fetch to the app's signing endpoint) that is still busy when the caller
                // aborts: either while it awaits, or synchronously from inside it.
                signUrl: async (request) => {
                  abortAt('signing-sync');
                  if (fault.abortAt === 'signing') {
                    // The provider ignores the signal and answers only after the caller has aborted.
                    const aborted = new Promise((resolve) =>
                      controller.signal.addEventListener('abort', resolve, { once: true }),
                    );
                    setTimeout(() => abortAt('signing'), 0);
                    await aborted;
                  }
                  return signUrl(request.url, credentials, { date: request.date });
                },
              }
            : credentials),
        },
  );

  let deltas = 0;
  const stream = client.stream(
    { ...(fault.model ? { model: fault.model } : {}), messages: [{ role: 'user', content: '故障矩阵' }] },
    { signal: controller.signal },
  );
  const watchRequest =
    fault.abortAt === 'first-token'
      ? eventually(() => mock.requests.length > requestsBefore, SETTLE_GUARD_MS).then(() =>
          controller.abort(),
        )
      : undefined;
  const consume = (async () => {
    for await (const event of stream) {
      if (event.type === 'text-delta') {
        deltas += 1;
        abortAt('mid-stream');
      }
    }
  })();
  let guard: ReturnType<typeof setTimeout> | undefined;
  const error = await Promise.race([
    consume.then(
      () => new Error('the stream completed although a fault was injected'),
      (reason: unknown) => reason,
    ),
    new Promise((resolve) => {
      guard = setTimeout(
        () => resolve(new Error(`no settlement within ${SETTLE_GUARD_MS} ms (hang)`)),
        SETTLE_GUARD_MS,
      );
    }),
  ]);
  clearTimeout(guard);
  await watchRequest;
  // The stream's own result agrees with what iteration saw.
  await expect(stream.finalResult()).rejects.toBe(error);
  return { error, deltas, logs };
}
