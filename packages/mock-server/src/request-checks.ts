/**
 * The checks both faces of the mock use to validate a request (the WebSocket frame and the HTTP
 * body): a thrown {@link RequestRejected} carries the error Spark would answer with.
 */
import type { WireMessage } from './chat-request.js';
import { estimateMockTokens } from './estimate-mock-tokens.js';
import { type SparkErrorFrameSpec, sparkError } from './spark-errors.js';

/** A request the service would refuse, with the error it would answer. */
export class RequestRejected extends Error {
  constructor(readonly spec: SparkErrorFrameSpec) {
    super(spec.message);
  }
}

/** Runs `parse`; a {@link RequestRejected} becomes `{ ok: false, error }`, anything else is rethrown. */
export function validated<T>(
  parse: () => T,
): { ok: true; request: T } | { ok: false; error: SparkErrorFrameSpec } {
  try {
    return { ok: true, request: parse() };
  } catch (error) {
    if (error instanceof RequestRejected) return { ok: false, error: error.spec };
    throw error;
  }
}

/** A schema error (10004). */
export function schemaError(detail: string): RequestRejected {
  return new RequestRejected(sparkError(10004, detail));
}

/** Refuses a value outside its range with 10163, naming the parameter as the face spells it. */
export function checkRange(
  value: number | undefined,
  name: string,
  isValid: (value: number) => boolean,
  range: string,
): void {
  if (value !== undefined && !isValid(value)) {
    throw new RequestRejected(sparkError(10163, `${name} ${value} is outside ${range}`));
  }
}

/** Refuses `top_k` outside [1, 6], the same range on both protocols. */
export function checkTopK(value: number | undefined, name: string): void {
  checkRange(value, name, (topK) => Number.isInteger(topK) && topK >= 1 && topK <= 6, '[1, 6]');
}

/** Refuses an answer length outside [1, `limit`] (the model's largest `max_tokens`). */
export function checkMaxTokens(value: number | undefined, name: string, limit: number): void {
  checkRange(
    value,
    name,
    (tokens) => Number.isInteger(tokens) && tokens >= 1 && tokens <= limit,
    `[1, ${limit}]`,
  );
}

/** Refuses messages whose estimated size is over the model's context window with 10907. */
export function checkInputFits(messages: readonly WireMessage[], contextWindow: number): void {
  const inputTokens = messages.reduce((sum, message) => sum + estimateMockTokens(message.content), 0);
  if (inputTokens > contextWindow) {
    throw new RequestRejected(
      sparkError(10907, `input is about ${inputTokens} tokens, over the limit of ${contextWindow}`),
    );
  }
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function requireRecord(value: unknown, path: string): Record<string, unknown> {
  if (value === undefined) throw schemaError(`${path} is required`);
  if (!isRecord(value)) throw schemaError(`${path} must be an object`);
  return value;
}

export function requireString(value: unknown, path: string): string {
  if (value === undefined) throw schemaError(`${path} is required`);
  if (typeof value !== 'string' || value === '') throw schemaError(`${path} must be a non-empty string`);
  return value;
}

type Primitive = 'string' | 'number' | 'boolean';
type PrimitiveOf<T extends Primitive> = T extends 'string' ? string : T extends 'number' ? number : boolean;

/** An optional field of one primitive type; `null` counts as absent. */
export function optional<T extends Primitive>(
  value: unknown,
  path: string,
  type: T,
): PrimitiveOf<T> | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== type || (type === 'number' && !Number.isFinite(value))) {
    throw schemaError(`${path} must be a ${type}`);
  }
  return value as PrimitiveOf<T>;
}
