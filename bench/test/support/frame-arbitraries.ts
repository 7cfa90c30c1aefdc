/**
 * fast-check arbitraries for hostile Spark frames: real frames with fields dropped, replaced by the
 * wrong type, huge numbers, odd unicode or nested junk, truncated JSON text, and plain noise. Built
 * from seeds: the WebSocket frames by default, or the HTTP face's SSE chunks (`hostileJsonFrom`).
 */
import fc from 'fast-check';
import { REAL_FRAMES } from './real-frames';

type Json = unknown;

/** Marks "delete this field" in a mutation. */
const REMOVE: unique symbol = Symbol('remove');

/** Every path (list of keys) to a value inside `value`, the root included. */
function pathsOf(value: Json, prefix: readonly (string | number)[] = []): (string | number)[][] {
  const paths: (string | number)[][] = [[...prefix]];
  if (Array.isArray(value)) {
    for (const [index, item] of value.entries()) paths.push(...pathsOf(item, [...prefix, index]));
  } else if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) paths.push(...pathsOf(item, [...prefix, key]));
  }
  return paths;
}

function setAt(root: Json, path: readonly (string | number)[], replacement: Json | typeof REMOVE): Json {
  if (path.length === 0) return replacement === REMOVE ? undefined : replacement;
  const copy = structuredClone(root) as Record<string | number, Json>;
  let node: Record<string | number, Json> = copy;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, Json>;
  const last = path.at(-1)!;
  if (replacement === REMOVE) {
    if (Array.isArray(node)) node.splice(Number(last), 1);
    else delete node[last];
  } else node[last] = replacement;
  return copy;
}

/** Values of the wrong type, extreme size or odd encoding. */
export const junkValue: fc.Arbitrary<Json> = fc.oneof(
  fc.constantFrom(
    null,
    true,
    false,
    0,
    -1,
    2,
    3,
    1e308,
    -1e308,
    Number.MAX_SAFE_INTEGER + 2,
    1.5,
    '',
    '0',
    '2',
  ),
  fc.string({ unit: 'grapheme', maxLength: 20 }),
  fc.string({ unit: 'binary', maxLength: 20 }),
  fc.integer(),
  fc.double(),
  fc.jsonValue({ maxDepth: 4 }),
  fc.array(fc.jsonValue({ maxDepth: 2 }), { maxLength: 4 }),
  // Deep nesting, past what a naive recursive walker expects.
  fc.integer({ min: 1, max: 200 }).map((depth) => {
    let nested: Json = 'x';
    for (let level = 0; level < depth; level += 1) nested = { a: nested };
    return nested;
  }),
);

/** The hostile-text arbitraries built from `seeds` (real frames or chunks). */
function arbitrariesFrom(seeds: readonly Json[]) {
  /** A real frame with one field removed or replaced, serialized. */
  const mutated: fc.Arbitrary<string> = fc
    .tuple(fc.constantFrom(...seeds), fc.nat(), fc.oneof(fc.constant<typeof REMOVE>(REMOVE), junkValue))
    .map(([frame, pick, replacement]) => {
      const paths = pathsOf(frame);
      const path = paths[pick % paths.length]!;
      const result = setAt(frame, path, replacement);
      return result === undefined ? '' : JSON.stringify(result);
    });
  /** A real frame's text cut short (a torn frame). */
  const truncated: fc.Arbitrary<string> = fc
    .tuple(fc.constantFrom(...seeds), fc.nat())
    .map(([frame, cut]) => {
      const text = JSON.stringify(frame);
      return text.slice(0, cut % text.length);
    });
  /** A real frame with a string spliced in at a random position. */
  const spliced: fc.Arbitrary<string> = fc
    .tuple(fc.constantFrom(...seeds), fc.nat(), fc.string({ unit: 'grapheme', maxLength: 8 }))
    .map(([frame, position, insert]) => {
      const text = JSON.stringify(frame);
      const at = position % (text.length + 1);
      return text.slice(0, at) + insert + text.slice(at);
    });
  return { mutated, truncated, spliced };
}

/** Arbitrary text and arbitrary JSON, with no relation to Spark at all. */
export const noiseFrame: fc.Arbitrary<string> = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 64 }),
  fc.jsonValue({ maxDepth: 5 }).map((value) => JSON.stringify(value) ?? ''),
  fc.constantFrom('', ' ', 'null', '[]', '{}', '"x"', '1e999', '{"header":null}', '{"header":{}}', '\u0000'),
);

/** The whole mix the fuzzers draw from, built from `seeds` and weighted towards near-valid text. */
export function hostileJsonFrom(seeds: readonly Json[]): fc.Arbitrary<string> {
  const { mutated, truncated, spliced } = arbitrariesFrom(seeds);
  return fc.oneof(
    { arbitrary: mutated, weight: 5 },
    { arbitrary: truncated, weight: 2 },
    { arbitrary: spliced, weight: 2 },
    { arbitrary: noiseFrame, weight: 1 },
    { arbitrary: fc.constantFrom(...seeds.map((frame) => JSON.stringify(frame))), weight: 1 },
  );
}

/** Hostile WebSocket frames, from the real ones. */
export const hostileFrame: fc.Arbitrary<string> = hostileJsonFrom(REAL_FRAMES);
