/**
 * The checks both faces of the mock use to validate a request (the WebSocket frame and the HTTP
 * body): a thrown {@link RequestRejected} carries the error Spark would answer with.
 */
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
