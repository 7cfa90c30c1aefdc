/**
 * `invalid`: the one way a request check fails. A module of its own, so that the engine can check a
 * request option without loading the WebSocket protocol's validators.
 */
import { describeValue } from './describe-value';
import { SparkInvalidRequestError } from './error-classes';

/**
 * Throws the `SparkInvalidRequestError` of one field: "Invalid request: <field> must be <rule> (got …)."
 * One message shape for every check keeps the messages consistent and the bundle small.
 */
export function invalid(field: string, rule: string, ...got: [unknown?]): never {
  throw new SparkInvalidRequestError(
    `Invalid request: ${field} must be ${rule}${got.length ? ` (got ${describeValue(got[0])})` : ''}.`,
    { field },
  );
}
