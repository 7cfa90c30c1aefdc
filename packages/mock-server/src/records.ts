import type { ChatRequest } from './chat-request.js';
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
}

/** Replaces the value of the `authorization` query parameter so a record never holds a credential. */
export function redactAuthorization(url: string): string {
  return url.replace(/([?&]authorization=)[^&#]*/i, '$1[REDACTED]');
}
