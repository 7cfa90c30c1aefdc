/**
 * fast-check arbitraries for hostile Spark frames: real frames with fields dropped, replaced by the
 * wrong type, huge numbers, odd unicode or nested junk, truncated JSON text, and plain noise.
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

/** A real frame with one field removed or replaced, serialized. */
export const mutatedFrame: fc.Arbitrary<string> = fc
  .tuple(fc.constantFrom(...REAL_FRAMES), fc.nat(), fc.oneof(fc.constant<typeof REMOVE>(REMOVE), junkValue))
  .map(([frame, pick, replacement]) => {
    const paths = pathsOf(frame);
    const path = paths[pick % paths.length]!;
    const mutated = setAt(frame, path, replacement);
    return mutated === undefined ? '' : JSON.stringify(mutated);
  });

/** A real frame's text cut short (a torn frame). */
export const truncatedFrame: fc.Arbitrary<string> = fc
  .tuple(fc.constantFrom(...REAL_FRAMES), fc.nat())
  .map(([frame, cut]) => {
    const text = JSON.stringify(frame);
    return text.slice(0, cut % text.length);
  });

/** A real frame with a string spliced in at a random position. */
export const splicedFrame: fc.Arbitrary<string> = fc
  .tuple(fc.constantFrom(...REAL_FRAMES), fc.nat(), fc.string({ unit: 'grapheme', maxLength: 8 }))
  .map(([frame, position, insert]) => {
    const text = JSON.stringify(frame);
    const at = position % (text.length + 1);
    return text.slice(0, at) + insert + text.slice(at);
  });

/** Arbitrary text and arbitrary JSON, with no relation to Spark at all. */
export const noiseFrame: fc.Arbitrary<string> = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 64 }),
  fc.jsonValue({ maxDepth: 5 }).map((value) => JSON.stringify(value) ?? ''),
  fc.constantFrom('', ' ', 'null', '[]', '{}', '"x"', '1e999', '{"header":null}', '{"header":{}}', '\u0000'),
);

/** The whole mix the fuzzers draw from, weighted towards near-valid frames. */
export const hostileFrame: fc.Arbitrary<string> = fc.oneof(
  { arbitrary: mutatedFrame, weight: 5 },
  { arbitrary: truncatedFrame, weight: 2 },
  { arbitrary: splicedFrame, weight: 2 },
  { arbitrary: noiseFrame, weight: 1 },
  { arbitrary: fc.constantFrom(...REAL_FRAMES.map((frame) => JSON.stringify(frame))), weight: 1 },
);
