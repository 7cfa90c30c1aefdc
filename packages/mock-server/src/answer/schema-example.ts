/**
 * A plausible, deterministic value for a JSON schema: what the mock puts into function-call arguments
 * and JSON answers, so a client that validates them (zod in a LangChain tool, `withStructuredOutput`)
 * accepts them.
 *
 * Covers the JSON-schema subset that zod, LangChain and hand-written function definitions produce:
 * `type` (also as a list), `enum`, `const`, `default`, `anyOf`/`oneOf`/`allOf`, local `$ref`
 * (`#/$defs/…`, `#/definitions/…`), object `properties`/`required`, array `items`/`prefixItems`/
 * `minItems`/`maxItems`, number bounds and `multipleOf`, string `minLength`/`maxLength`/`format`/`pattern`.
 */
export function exampleForSchema(schema: unknown): unknown {
  const root = isRecord(schema) ? schema : {};
  return exampleFor(root, root, 0);
}

/** Nesting beyond this depth (recursive schemas) gets the simplest value of its type. */
const MAX_DEPTH = 8;

const STRING_FORMATS: Readonly<Record<string, string>> = {
  'date-time': '2024-01-01T08:00:00Z',
  date: '2024-01-01',
  time: '08:00:00',
  email: 'user@example.com',
  uri: 'https://example.com/',
  url: 'https://example.com/',
  hostname: 'example.com',
  ipv4: '192.0.2.1',
  ipv6: '2001:db8::1',
  uuid: '00000000-0000-4000-8000-000000000000',
};

/** Strings tried, in order, against a `pattern`. */
const PATTERN_CANDIDATES = ['示例', 'example', 'a', 'A', '1', 'a1', 'A1', 'abc', '123', 'x'];

function exampleFor(schema: Record<string, unknown>, root: Record<string, unknown>, depth: number): unknown {
  const resolved = resolveRef(schema, root);
  if ('const' in resolved) return resolved.const;
  if (Array.isArray(resolved.enum) && resolved.enum.length > 0) return resolved.enum[0];
  if ('default' in resolved && resolved.default !== undefined) return resolved.default;
  const alternatives = Array.isArray(resolved.anyOf) ? resolved.anyOf : resolved.oneOf;
  if (Array.isArray(alternatives)) {
    const chosen = alternatives.filter(isRecord).find((alternative) => !isNullSchema(alternative, root));
    if (chosen !== undefined) return exampleFor(chosen, root, depth + 1);
    return null;
  }
  if (Array.isArray(resolved.allOf)) return exampleFor(mergeAll(resolved, root), root, depth + 1);

  switch (typeOf(resolved)) {
    case 'null':
      return null;
    case 'boolean':
      return true;
    case 'integer':
      return numberExample(resolved, true);
    case 'number':
      return numberExample(resolved, false);
    case 'array':
      return depth >= MAX_DEPTH ? [] : arrayExample(resolved, root, depth);
    case 'object':
      return depth >= MAX_DEPTH ? {} : objectExample(resolved, root, depth);
    default:
      return stringExample(resolved);
  }
}

function typeOf(schema: Record<string, unknown>): string | undefined {
  const { type } = schema;
  if (typeof type === 'string') return type;
  if (Array.isArray(type)) return type.find((item) => item !== 'null') ?? 'null';
  if (isRecord(schema.properties)) return 'object';
  if (schema.items !== undefined || schema.prefixItems !== undefined) return 'array';
  return undefined;
}

function objectExample(schema: Record<string, unknown>, root: Record<string, unknown>, depth: number) {
  const properties = isRecord(schema.properties) ? schema.properties : {};
  // Without a `required` list every property is filled: more plausible than `{}`, and still valid.
  const names = Array.isArray(schema.required)
    ? schema.required.filter((name): name is string => typeof name === 'string')
    : Object.keys(properties);
  const result: Record<string, unknown> = {};
  for (const name of names) {
    const property = properties[name];
    result[name] = exampleFor(isRecord(property) ? property : {}, root, depth + 1);
  }
  return result;
}

function arrayExample(schema: Record<string, unknown>, root: Record<string, unknown>, depth: number) {
  const prefix = Array.isArray(schema.prefixItems) ? schema.prefixItems.filter(isRecord) : [];
  const tuple = Array.isArray(schema.items) ? schema.items.filter(isRecord) : prefix;
  if (tuple.length > 0) return tuple.map((item) => exampleFor(item, root, depth + 1));
  const minItems = nonNegativeInteger(schema.minItems) ?? 0;
  const maxItems = nonNegativeInteger(schema.maxItems) ?? Number.POSITIVE_INFINITY;
  // One element is more plausible than none; `minItems` is honoured, capped so a huge bound stays cheap.
  const count = Math.min(Math.max(minItems, 1), maxItems, 100);
  const item = isRecord(schema.items) ? schema.items : {};
  return Array.from({ length: count }, () => exampleFor(item, root, depth + 1));
}

function numberExample(schema: Record<string, unknown>, integer: boolean): number {
  const step = integer ? 1 : 0.5;
  let lower = finite(schema.minimum);
  let upper = finite(schema.maximum);
  // Draft 6+ spells exclusive bounds as numbers; draft 4 as booleans next to minimum/maximum.
  const exclusiveMinimum = finite(schema.exclusiveMinimum);
  const exclusiveMaximum = finite(schema.exclusiveMaximum);
  if (exclusiveMinimum !== undefined)
    lower = Math.max(lower ?? exclusiveMinimum + step, exclusiveMinimum + step);
  else if (schema.exclusiveMinimum === true && lower !== undefined) lower += step;
  if (exclusiveMaximum !== undefined)
    upper = Math.min(upper ?? exclusiveMaximum - step, exclusiveMaximum - step);
  else if (schema.exclusiveMaximum === true && upper !== undefined) upper -= step;

  let value = 1;
  if (lower !== undefined && value < lower) value = integer ? Math.ceil(lower) : lower;
  if (upper !== undefined && value > upper) value = integer ? Math.floor(upper) : upper;
  const multipleOf = finite(schema.multipleOf);
  if (multipleOf !== undefined && multipleOf > 0) {
    const multiple = Math.ceil(value / multipleOf) * multipleOf;
    value = upper !== undefined && multiple > upper ? Math.floor(value / multipleOf) * multipleOf : multiple;
  }
  return value;
}

function stringExample(schema: Record<string, unknown>): string {
  const format = typeof schema.format === 'string' ? STRING_FORMATS[schema.format] : undefined;
  let value = format ?? '示例';
  if (typeof schema.pattern === 'string') {
    const pattern = safeRegExp(schema.pattern);
    const matching = pattern && PATTERN_CANDIDATES.find((candidate) => pattern.test(candidate));
    if (matching) value = matching;
  }
  const minLength = nonNegativeInteger(schema.minLength) ?? 0;
  const maxLength = nonNegativeInteger(schema.maxLength);
  const characters = Array.from(value);
  while (characters.length < minLength) characters.push('例');
  return (maxLength === undefined ? characters : characters.slice(0, maxLength)).join('');
}

/** Follows local `$ref`s (`#/…` JSON pointers into the root schema); anything else is left as is. */
function resolveRef(schema: Record<string, unknown>, root: Record<string, unknown>): Record<string, unknown> {
  let current = schema;
  for (let hops = 0; hops < MAX_DEPTH && typeof current.$ref === 'string'; hops += 1) {
    const target = pointer(root, current.$ref);
    if (target === undefined) return {};
    const { $ref: _followed, ...siblings } = current;
    current = { ...target, ...siblings };
  }
  return current;
}

function pointer(root: Record<string, unknown>, reference: string): Record<string, unknown> | undefined {
  if (reference === '#') return root;
  if (!reference.startsWith('#/')) return undefined;
  let node: unknown = root;
  for (const raw of reference.slice(2).split('/')) {
    const key = decodeURIComponent(raw).replaceAll('~1', '/').replaceAll('~0', '~');
    node = isRecord(node) ? node[key] : undefined;
  }
  return isRecord(node) ? node : undefined;
}

/** `allOf` as one schema: properties and required lists joined, other keywords of later parts win. */
function mergeAll(schema: Record<string, unknown>, root: Record<string, unknown>): Record<string, unknown> {
  const { allOf, ...rest } = schema;
  const parts = [rest, ...(allOf as unknown[]).filter(isRecord).map((part) => resolveRef(part, root))];
  const merged: Record<string, unknown> = {};
  const properties: Record<string, unknown> = {};
  const required = new Set<string>();
  for (const part of parts) {
    Object.assign(merged, part);
    if (isRecord(part.properties)) Object.assign(properties, part.properties);
    if (Array.isArray(part.required)) for (const name of part.required) required.add(String(name));
  }
  if (Object.keys(properties).length > 0) merged.properties = properties;
  if (required.size > 0) merged.required = [...required];
  return merged;
}

function isNullSchema(schema: Record<string, unknown>, root: Record<string, unknown>): boolean {
  const resolved = resolveRef(schema, root);
  return resolved.type === 'null' || ('const' in resolved && resolved.const === null);
}

function safeRegExp(source: string): RegExp | undefined {
  try {
    return new RegExp(source, 'u');
  } catch {
    return undefined;
  }
}

function finite(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

function nonNegativeInteger(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 ? value : undefined;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
