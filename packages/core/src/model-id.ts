/**
 * The model ids and aliases of the registry as string literal types, read from the registry table by
 * the type checker: editors complete `model: '…'`, and a new registry row needs no second list.
 */
import type { TABLE } from './model-registry';

/** The space-separated words of `Text`. */
type Words<Text extends string> = Text extends `${infer Word} ${infer Rest}`
  ? Word | Words<Rest>
  : Text extends ''
    ? never
    : Text;

/** The id and the aliases of one registry row (`id|label|aliases|…`). */
type NamesOf<Row extends string> = Row extends `${infer Id}|${string}|${infer Aliases}|${string}`
  ? Id | Words<Aliases>
  : never;

/** Every id and alias of the registry: `'lite' | 'general' | … | 'x1' | 'spark-x'`. */
export type KnownModelId = NamesOf<(typeof TABLE)[number]>;

/**
 * A model id or alias from the registry, which editors offer as completions, or any other string
 * (matched case-insensitively at run time; an unknown id fails with a `SparkConfigError` listing the
 * known ones). `string & Record<never, never>` keeps the literals from collapsing into `string`.
 */
export type SparkModelId = KnownModelId | (string & Record<never, never>);
