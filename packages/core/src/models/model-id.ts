/**
 * The model ids and aliases of the registry as string literal types, read from the registry entries by
 * the type checker: editors complete `model: '…'`, and a new registry row needs no second list.
 */
import type { MODELS } from './model-registry';

type RegistryEntry = (typeof MODELS)[number];

/** Every id and alias of the registry: `'lite' | 'general' | … | 'x1' | 'spark-x'`. */
export type KnownModelId = RegistryEntry['id'] | RegistryEntry['aliases'][number];

/**
 * A model id or alias from the registry, which editors offer as completions, or any other string
 * (matched case-insensitively at run time; an unknown id fails with a `SparkConfigError` listing the
 * known ones). `string & Record<never, never>` keeps the literals from collapsing into `string`.
 */
export type SparkModelId = KnownModelId | (string & Record<never, never>);
