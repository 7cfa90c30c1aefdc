/**
 * The fault matrix: every fault the mock can inject, and every phase a caller can abort in, with the
 * typed error each must produce. Shared by the Node and browser WebSocket suites and the HTTP suite;
 * a case says where HTTP differs (`overHttp`) or does not apply (`protocols`).
 */
import type { CustomModel, SparkErrorCode } from '@xinghuo/core';
import type { MockScenario, MockSpark } from '@xinghuo/mock-server';

/** What the error must look like. */
export interface ExpectedError {
  code: SparkErrorCode;
  name?: string;
  sparkCode?: number;
  status?: number;
  phase?: 'connect' | 'first-token' | 'idle' | 'total';
  stage?: 'input' | 'output';
  /** The error carries the text streamed before it (`partialText` of an output-moderation error). */
  partialText?: boolean;
  /** At least this many text deltas reached the caller first. */
  deltasBefore?: number;
  /** The server's `Retry-After`, in ms, carried by the error. */
  retryAfterMs?: number;
}

/** Where the caller aborts. */
export type AbortPoint = 'signing' | 'signing-sync' | 'connecting' | 'first-token' | 'mid-stream';

/** One row of the matrix. */
export interface FaultCase {
  name: string;
  /** Scenarios queued on the mock (one per connection). */
  scenarios?: MockScenario[];
  /** Refuse every handshake this way (retries included). */
  rejectAll?: { status: number; message: string };
  /** Use a wrong API secret (HTTP: a wrong APIPassword), so the mock's real credential check fails. */
  wrongSecret?: boolean;
  model?: string | CustomModel;
  abortAt?: AbortPoint;
  /** Hold every handshake open until the test ends. */
  holdHandshake?: boolean;
  expected: ExpectedError;
  /** What the browser transport can tell instead (it never sees the HTTP status of a refusal). */
  browserExpected?: ExpectedError;
  /** Where the HTTP protocol's case differs: its own scripted chunks, custom model or outcome. */
  overHttp?: Partial<Pick<FaultCase, 'scenarios' | 'model' | 'expected'>>;
  /** The protocols the case applies to (default both). */
  protocols?: readonly ('ws' | 'http')[];
}

const refusedByBrowser: ExpectedError = { code: 'connection_error' };

const errorFrame = (code: number, afterFrames = 0): MockScenario[] => [{ error: { code, afterFrames } }];

/** The whole matrix. */
export const FAULT_CASES: readonly FaultCase[] = [
  // Handshake refusals.
  {
    name: 'handshake 401 (scripted)',
    rejectAll: { status: 401, message: 'HMAC signature does not match' },
    expected: { code: 'auth_error', status: 401 },
    browserExpected: refusedByBrowser,
  },
  {
    name: 'handshake 401 (wrong secret, checked by the mock)',
    wrongSecret: true,
    expected: { code: 'auth_error', status: 401 },
    browserExpected: refusedByBrowser,
  },
  {
    name: 'handshake 403 (clock skew)',
    rejectAll: {
      status: 403,
      message:
        'HMAC signature cannot be verified, a valid date or x-date header is required for HMAC Authentication',
    },
    expected: { code: 'clock_skew', status: 403 },
    browserExpected: refusedByBrowser,
    // HTTP requests carry no signed date, so a 403 there is a refusal, never a clock to correct.
    overHttp: { expected: { code: 'permission_denied', status: 403 } },
  },
  {
    name: 'handshake 404 (unknown path)',
    model: { url: 'wss://spark-api.xf-yun.com/v9.9/nowhere', domain: 'lite' },
    expected: { code: 'config_error', status: 404 },
    browserExpected: refusedByBrowser,
    overHttp: {
      model: { httpUrl: 'https://spark-api-open.xf-yun.com/v9.9/chat/completions', httpModel: 'lite' },
    },
  },
  {
    name: 'handshake 500',
    rejectAll: { status: 500, message: 'internal error' },
    expected: { code: 'server_error', status: 500 },
    browserExpected: refusedByBrowser,
  },
  {
    name: 'a 429 with Retry-After',
    scenarios: [
      { reject: { status: 429, body: { message: 'Too Many Requests' }, headers: { 'Retry-After': '7' } } },
    ],
    expected: { code: 'rate_limited', status: 429, retryAfterMs: 7_000 },
    browserExpected: refusedByBrowser,
  },
  {
    name: 'an OpenAI-style error body (HTTP 400)',
    scenarios: [
      {
        reject: {
          status: 400,
          body: {
            error: { message: 'invalid temperature', type: 'invalid_request_error', param: null, code: null },
          },
        },
      },
    ],
    expected: { code: 'invalid_request', status: 400 },
    protocols: ['http'],
  },
  {
    name: 'handshake that never completes',
    holdHandshake: true,
    expected: { code: 'timeout', phase: 'connect' },
  },
  // Error frames, one per family.
  {
    name: '10003 invalid request',
    scenarios: errorFrame(10003),
    expected: { code: 'invalid_request', sparkCode: 10003 },
  },
  {
    name: '10163 engine schema check',
    scenarios: errorFrame(10163),
    expected: { code: 'invalid_request', sparkCode: 10163 },
  },
  {
    name: '10013 input moderation',
    scenarios: errorFrame(10013),
    expected: { code: 'content_filter', sparkCode: 10013, stage: 'input' },
  },
  {
    name: '10019 tendency to violate',
    scenarios: errorFrame(10019),
    expected: { code: 'content_filter', sparkCode: 10019, stage: 'input' },
  },
  {
    name: '10014 output moderation after partial output',
    scenarios: errorFrame(10014, 3),
    expected: {
      code: 'content_filter',
      sparkCode: 10014,
      stage: 'output',
      partialText: true,
      deltasBefore: 3,
    },
  },
  {
    name: '10907 context too long',
    scenarios: errorFrame(10907),
    expected: { code: 'context_length_exceeded', sparkCode: 10907 },
  },
  {
    name: '10016 not authorized',
    scenarios: errorFrame(10016),
    expected: { code: 'permission_denied', sparkCode: 10016 },
  },
  {
    name: '11200 no authorization',
    scenarios: errorFrame(11200),
    expected: { code: 'permission_denied', sparkCode: 11200 },
  },
  {
    name: '11201 daily quota',
    scenarios: errorFrame(11201),
    expected: { code: 'quota_exceeded', sparkCode: 11201 },
  },
  {
    name: '11202 per-second limit',
    scenarios: errorFrame(11202),
    expected: { code: 'rate_limited', sparkCode: 11202 },
  },
  {
    name: '11203 concurrency limit',
    scenarios: errorFrame(11203),
    expected: { code: 'rate_limited', sparkCode: 11203 },
  },
  {
    name: '10007 busy connection',
    scenarios: errorFrame(10007),
    expected: { code: 'rate_limited', sparkCode: 10007 },
  },
  {
    name: '10110 service busy',
    scenarios: errorFrame(10110),
    expected: { code: 'server_error', sparkCode: 10110 },
  },
  {
    name: '10222 engine network',
    scenarios: errorFrame(10222),
    expected: { code: 'server_error', sparkCode: 10222 },
  },
  {
    name: 'an unknown code',
    scenarios: errorFrame(12345),
    expected: { code: 'server_error', sparkCode: 12345 },
  },
  // Broken streams.
  {
    name: 'a drop mid-stream',
    scenarios: [{ drop: { afterFrames: 2 } }],
    expected: { code: 'connection_error', deltasBefore: 2 },
  },
  {
    name: 'a drop before any frame',
    scenarios: [{ drop: { afterFrames: 0 } }],
    expected: { code: 'connection_error' },
  },
  {
    name: 'a malformed frame',
    scenarios: [{ malformed: { afterFrames: 1 } }],
    expected: { code: 'protocol_error', deltasBefore: 1 },
  },
  {
    name: 'a close without the status 2 frame',
    scenarios: [
      {
        frames: [
          {
            header: { code: 0, message: 'Success', sid: 'cht000fault@dx1', status: 0 },
            payload: {
              choices: { status: 0, seq: 0, text: [{ content: '只说了', role: 'assistant', index: 0 }] },
            },
          },
          {
            header: { code: 0, message: 'Success', sid: 'cht000fault@dx1', status: 1 },
            payload: {
              choices: { status: 1, seq: 1, text: [{ content: '一半', role: 'assistant', index: 0 }] },
            },
          },
        ],
      },
    ],
    expected: { code: 'connection_error', deltasBefore: 2 },
    overHttp: {
      // Two content chunks, no finish reason, no `[DONE]`, then the body ends: a truncated answer.
      scenarios: [
        {
          frames: [
            {
              code: 0,
              message: 'Success',
              sid: 'cha000fault',
              choices: [{ index: 0, delta: { content: '只说了' } }],
            },
            {
              code: 0,
              message: 'Success',
              sid: 'cha000fault',
              choices: [{ index: 0, delta: { content: '一半' } }],
            },
          ],
        },
      ],
    },
  },
  {
    name: 'a stall before the first token',
    scenarios: [{ stall: { afterFrames: 0 } }],
    expected: { code: 'timeout', phase: 'first-token' },
  },
  {
    name: 'frames slower than the first-token deadline (mock latency)',
    scenarios: [{ latencyMs: 5_000 }],
    expected: { code: 'timeout', phase: 'first-token' },
  },
  {
    name: 'a stall mid-stream',
    scenarios: [{ stall: { afterFrames: 2 } }],
    expected: { code: 'timeout', phase: 'idle', deltasBefore: 2 },
  },
  // The caller aborts.
  {
    name: 'an abort while the signer is waiting',
    abortAt: 'signing',
    expected: { code: 'aborted', name: 'AbortError' },
    // The HTTP protocol signs nothing: its credential is a Bearer header.
    protocols: ['ws'],
  },
  {
    name: 'an abort fired synchronously inside the signer',
    abortAt: 'signing-sync',
    expected: { code: 'aborted', name: 'AbortError' },
    protocols: ['ws'],
  },
  {
    name: 'an abort while connecting',
    abortAt: 'connecting',
    holdHandshake: true,
    expected: { code: 'aborted', name: 'AbortError' },
  },
  {
    name: 'an abort while waiting for the first token',
    abortAt: 'first-token',
    scenarios: [{ stall: { afterFrames: 0 } }],
    expected: { code: 'aborted', name: 'AbortError' },
  },
  {
    name: 'an abort mid-stream',
    abortAt: 'mid-stream',
    scenarios: [{ stall: { afterFrames: 3 } }],
    expected: { code: 'aborted', name: 'AbortError', deltasBefore: 1 },
  },
];

/** Installs a case's faults on the mock; returns a function that releases held handshakes. */
export function installFaults(mock: MockSpark, fault: FaultCase, onHandshake: () => void): () => void {
  let release: () => void = () => {};
  const held = new Promise<void>((resolve) => {
    release = resolve;
  });
  if (fault.scenarios) mock.enqueue(...fault.scenarios);
  if (fault.rejectAll) {
    const rejection = { status: fault.rejectAll.status, body: { message: fault.rejectAll.message } };
    mock.use({ handshake: () => rejection });
  }
  mock.use({
    handshake: async () => {
      onHandshake();
      if (fault.holdHandshake) await held;
      return undefined;
    },
  });
  return release;
}
