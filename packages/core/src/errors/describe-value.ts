/**
 * `describeValue`: any value, shown safely in an error message. No imports, so that every module that
 * builds messages (request checks, the model registry) can use it without an import cycle.
 */

/** Strings longer than this are described by their length: a misplaced credential is never echoed. */
const MAX_ECHOED_STRING_LENGTH = 32;

/**
 * A short description of any value for an error message, e.g. `0.5`, `"admin"`, `12n`, `a symbol`,
 * `an object`. Never throws and never calls into the value (no `toString`, `valueOf` or getters).
 */
export function describeValue(value: unknown): string {
  switch (typeof value) {
    case 'string':
      return value.length <= MAX_ECHOED_STRING_LENGTH
        ? JSON.stringify(value)
        : `a ${value.length}-character string`;
    case 'number':
    case 'boolean':
    case 'undefined':
      return String(value);
    case 'bigint':
      return `${value}n`;
    case 'symbol':
      return 'a symbol';
    case 'function':
      return 'a function';
    default:
      if (value === null) return 'null';
      try {
        return Array.isArray(value) ? 'an array' : 'an object';
      } catch {
        return 'an object'; // a revoked proxy
      }
  }
}
