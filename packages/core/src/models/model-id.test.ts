/**
 * Model ids as literal types: the registry's ids and aliases complete in editors, any other string
 * still compiles. The `expectTypeOf` and `@ts-expect-error` lines are checked by `npm run typecheck`
 * (tsc covers the test files); the runtime test proves the type lists exactly the registry's names.
 */
import { describe, expect, expectTypeOf, it } from 'vitest';
import type { SparkClientOptions } from '../client/client-options';
import { trimHistory } from '../history/trim-history';
import type { ChatParams, ModelInput } from '../types';
import type { KnownModelId, SparkModelId } from './model-id';
import { MODELS, resolveModel } from './models';

// `satisfies` fails to compile when a registry name is missing here or a name here is not in the registry.
const EVERY_KNOWN_NAME = {
  lite: true,
  general: true,
  'spark-lite': true,
  generalv3: true,
  pro: true,
  'spark-pro': true,
  'pro-128k': true,
  'spark-pro-128k': true,
  'generalv3.5': true,
  max: true,
  'spark-max': true,
  'max-32k': true,
  'spark-max-32k': true,
  '4.0Ultra': true,
  ultra: true,
  'spark-ultra': true,
  kjwx: true,
  x1: true,
  'spark-x': true,
  x2: true,
  'spark-x2': true,
  'spark-x2.5': true,
  'x2.5': true,
} as const satisfies Record<KnownModelId, true>;

describe('model id types', () => {
  it('KnownModelId is exactly the ids and aliases of the registry', () => {
    const registryNames = MODELS.flatMap((model) => [model.id, ...model.aliases]);
    expect(Object.keys(EVERY_KNOWN_NAME).sort()).toEqual([...registryNames].sort());
  });

  it('keeps the literals next to the string fallback, so editors can complete them', () => {
    expectTypeOf<Extract<SparkModelId, 'lite'>>().toEqualTypeOf<'lite'>();
    expectTypeOf<Extract<SparkModelId, 'spark-x'>>().toEqualTypeOf<'spark-x'>();
    expectTypeOf<SparkModelId>().not.toEqualTypeOf<string>();
    expectTypeOf<KnownModelId>().toExtend<SparkModelId>();
    expectTypeOf<ChatParams['model']>().toEqualTypeOf<ModelInput | undefined>();
    expectTypeOf<SparkModelId>().toExtend<ModelInput>();
    expectTypeOf<SparkModelId>().toExtend<NonNullable<SparkClientOptions['defaultModel']>>();
  });

  it('still accepts custom ids, and refuses what is not a string or a model', () => {
    expectTypeOf<'my-fine-tuned-domain'>().toExtend<SparkModelId>();
    expectTypeOf<string>().toExtend<SparkModelId>();
    expectTypeOf<42>().not.toExtend<SparkModelId>();

    const known: ChatParams = { model: 'max', messages: [{ role: 'user', content: '你好' }] };
    const custom: ChatParams = { model: 'MAX', messages: known.messages };
    // @ts-expect-error a number is not a model id
    const wrong: ChatParams = { model: 42, messages: known.messages };
    expect([known.model, custom.model, wrong.model]).toEqual(['max', 'MAX', 42]);
    expect(resolveModel(custom.model as SparkModelId).id).toBe('generalv3.5');
    expect(trimHistory(known.messages, 'ultra').messages).toHaveLength(1);
  });
});
