import type { ChatRequest } from './chat-request.js';
import type { BearerForm } from './http/bearer-credential.js';
import type { SparkErrorFrameSpec } from './spark-errors.js';

/** One handshake attempt, accepted (`status` 101) or refused. */
export interface MockConnectionRecord {
  path: string;
  /** Model id of the route, or `undefined` for an unknown path. */
  model: string | undefined;
  /** The requested URL with the `authorization` value redacted. */
  url: string;
  status: number;
  at: Date;
  /** `'http'` for a request to the OpenAI-compatible HTTP face; absent for a WebSocket handshake. */
  protocol?: 'http';
}

/** One request frame received on an accepted connection. */
export interface MockRecordedRequest {
  path: string;
  model: string;
  /** The requested URL with the `authorization` value redacted. */
  url: string;
  /** The `date` and `host` query parameters the client signed. */
  date: string | null;
  host: string | null;
  /** The frame text exactly as received. */
  raw: string;
  /** The parsed JSON frame, or `undefined` when it was not JSON. */
  frame: unknown;
  /** The validated request, when validation passed. */
  request?: ChatRequest;
  /** The error frame sent because validation failed. */
  error?: SparkErrorFrameSpec;
  at: Date;
  /** `'http'` for a request to the OpenAI-compatible HTTP face; absent for a WebSocket request frame. */
  protocol?: 'http';
  /**
   * On HTTP, which Bearer form authenticated the request (the credential itself is never recorded;
   * absent when `strictAuth` is `false` and the header was wrong).
   */
  bearer?: BearerForm;
}

/** Replaces the value of the `authorization` query parameter so a record never holds a credential. */
export function redactAuthorization(url: string): string {
  return url.replace(/([?&]authorization=)[^&#]*/i, '$1[REDACTED]');
}

/** How many handshakes and request frames a mock keeps by default (`maxRecords`). */
export const DEFAULT_MAX_RECORDS = 1_000;

/** The longest `url` or `path` kept for a refused handshake; anything longer is cut and marked `…`. */
export const MAX_REFUSED_URL_CHARS = 512;

/**
 * Appends `record` and drops the oldest entries beyond `max`, so a long-running mock (the CLI, the
 * playground in mock mode) holds a bounded amount of memory whatever it is sent.
 */
export function pushBounded<T>(records: T[], record: T, max: number): void {
  if (max <= 0) {
    records.length = 0;
    return;
  }
  records.push(record);
  if (records.length > max) records.splice(0, records.length - max);
}

/**
 * Cuts a refused handshake's URL or path to an excerpt: nothing an unauthenticated client sends is kept
 * whole. The result is always a fresh copy, joined from an array: V8 represents slices and `replace`
 * results (`redactAuthorization`) as views that would pin the whole original string in memory.
 */
export function truncateRefused(text: string): string {
  const kept =
    text.length <= MAX_REFUSED_URL_CHARS ? [...text] : [...text.slice(0, MAX_REFUSED_URL_CHARS), '…'];
  return kept.join('');
}
