/**
 * Any value in any field of a request fails with a typed `SparkError` (a `SparkInvalidRequestError`
 * naming the field), never with a `TypeError` from `String()`, `JSON.stringify` or a getter.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { describeValue } from '../errors/describe-value';
import { SparkInvalidRequestError } from '../errors/error-classes';
import { SparkError } from '../errors/spark-error';
import { makeClient } from '../internal-test-support/client-fixtures';
import { resolveModel } from '../models/models';
import { encodeRequest } from '../protocol/websocket/encode-request';
import { answerFrames, createMemoryTransport, respondWith } from '../testing';
import type { ChatParams } from '../types';

const max = resolveModel('max');
const QUESTION: ChatParams['messages'] = [{ role: 'user', content: '你好' }];

/** An object whose every conversion throws: `String()`, template literals, `JSON.stringify`. */
function hostile(): object {
  const fail = () => {
    throw new Error('hostile conversion');
  };
  return { toString: fail, valueOf: fail, toJSON: fail, [Symbol.toPrimitive]: fail };
}

/** An object with a getter on `key` that throws. */
function throwingGetter(key: string): object {
  return Object.defineProperty({}, key, {
    enumerable: true,
    get() {
      throw new Error(`getter ${key} threw`);
    },
  });
}

function cyclic(): object {
  const value: Record<string, unknown> = { type: 'object', properties: {} };
  value.self = value;
  return value;
}

/** The values no validator expects, alone and nested in arrays and objects. */
const strangeLeaves: fc.Arbitrary<unknown>[] = [
  fc.bigInt(),
  fc.string().map((description) => Symbol(description)),
  fc.constant(Object.create(null)),
  fc.constant(null),
  fc.constantFrom('role', 'content', 'name', 'type', 'enable', 'length', '0').map(throwingGetter),
  fc.constant(0).map(hostile),
  fc.constant(0).map(cyclic),
  fc.constant(() => 'a function'),
];

const oddValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.oneof(...strangeLeaves),
  fc.anything({
    withBigInt: true,
    withNullPrototype: true,
    withBoxedValues: true,
    withMap: true,
    withSet: true,
    withDate: true,
    withTypedArray: true,
    withSparseArray: true,
    maxDepth: 3,
    values: [fc.anything(), ...strangeLeaves],
  }),
);

/** A value that is sometimes right for a role, sometimes not. */
const role = fc.oneof(fc.constantFrom('system', 'user', 'assistant'), oddValue);
const content = fc.oneof(fc.string(), oddValue);
const message = fc.oneof(fc.record({ role, content }), oddValue);
const messages = fc.oneof(fc.array(message, { maxLength: 4 }), oddValue);
const functionDefinition = fc.oneof(
  fc.record({
    name: fc.oneof(fc.string({ minLength: 1 }), oddValue),
    description: fc.oneof(fc.string(), oddValue),
    parameters: fc.oneof(
      fc.record({ type: fc.constant('object'), properties: fc.oneof(fc.constant({}), oddValue) }),
      oddValue,
    ),
  }),
  oddValue,
);

const FIELDS = [
  'model',
  'temperature',
  'maxTokens',
  'topK',
  'uid',
  'chatId',
  'webSearch',
  'thinking',
  'patchId',
  'extra',
  'trimHistory',
] as const;

/** A request with `messages`, `functions` and one or more other fields set to arbitrary values. */
const request = fc
  .record(
    {
      messages: fc.oneof(fc.constant(QUESTION), messages),
      functions: fc.oneof(fc.constant(undefined), fc.array(functionDefinition, { maxLength: 3 }), oddValue),
      fields: fc.dictionary(fc.constantFrom(...FIELDS), oddValue, { maxKeys: 3 }),
      getterOn: fc.option(fc.constantFrom('messages', 'functions', ...FIELDS), { nil: undefined }),
    },
    { requiredKeys: ['messages', 'fields'] },
  )
  .map(({ messages, functions, fields, getterOn }) => {
    const params: Record<string, unknown> = { messages, functions, ...fields };
    if (getterOn !== undefined) {
      Object.defineProperty(params, getterOn, {
        enumerable: true,
        get() {
          throw new Error(`getter ${getterOn} threw`);
        },
      });
    }
    return params as unknown as ChatParams;
  });

function thrownBy(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  return undefined;
}

function encode(params: ChatParams) {
  return encodeRequest(params, { appId: 'app12345', model: max });
}

describe('odd values in a request', () => {
  it.each([
    ['temperature', Object.create(null)],
    ['maxTokens', Object.create(null)],
    ['topK', Object.create(null)],
    ['temperature', 1n],
    ['maxTokens', hostile()],
    ['topK', Symbol('six')],
    ['uid', 42n],
    ['thinking', Object.create(null)],
    ['webSearch', 1n],
    ['patchId', Object.create(null)],
  ])('%s set to an odd value gives a SparkInvalidRequestError naming the field', (field, value) => {
    const error = thrownBy(() => encode({ messages: QUESTION, [field]: value } as unknown as ChatParams));
    expect(error).toBeInstanceOf(SparkInvalidRequestError);
    expect((error as SparkInvalidRequestError).field).toBe(field);
  });

  it('names the message whose role is a BigInt or whose content getter throws', () => {
    const bigRole = thrownBy(() => encode({ messages: [{ role: 1n, content: 'x' }] } as never));
    expect(bigRole).toBeInstanceOf(SparkInvalidRequestError);
    expect((bigRole as SparkInvalidRequestError).field).toBe('messages[0].role');

    const getter = Object.defineProperty({ role: 'user' }, 'content', {
      get() {
        throw new Error('boom');
      },
    });
    const thrown = thrownBy(() => encode({ messages: [getter] } as never));
    expect(thrown).toBeInstanceOf(SparkInvalidRequestError);
    expect((thrown as SparkInvalidRequestError).field).toBe('messages[0].content');
    expect((thrown as Error).cause).toBeInstanceOf(Error);
  });

  it('names a top-level field whose getter throws', () => {
    const params = Object.defineProperty({ messages: QUESTION }, 'temperature', {
      enumerable: true,
      get() {
        throw new Error('boom');
      },
    });
    const error = thrownBy(() => encode(params as ChatParams));
    expect(error).toBeInstanceOf(SparkInvalidRequestError);
    expect((error as SparkInvalidRequestError).field).toBe('temperature');
  });

  it('refuses parameters and extra values that cannot become JSON, naming them', () => {
    const functions = [{ name: 'f', description: 'd', parameters: cyclic() }];
    const cycle = thrownBy(() => encode({ messages: QUESTION, functions } as never));
    expect((cycle as SparkInvalidRequestError).field).toBe('functions[0].parameters');

    const big = thrownBy(() => encode({ messages: QUESTION, extra: { seed: 7n } }));
    expect(big).toBeInstanceOf(SparkInvalidRequestError);
    expect((big as SparkInvalidRequestError).field).toBe('extra.seed');
  });

  it('property: encodeRequest returns a frame that serializes, or throws a SparkError', () => {
    fc.assert(
      fc.property(request, (params) => {
        let frame: ReturnType<typeof encode> | undefined;
        const error = thrownBy(() => {
          frame = encode(params);
        });
        if (error !== undefined) {
          expect(SparkError.isInstance(error), String((error as Error)?.stack)).toBe(true);
          expect(error).toBeInstanceOf(SparkInvalidRequestError);
          expect((error as SparkInvalidRequestError).field).toEqual(expect.any(String));
        } else {
          expect(() => JSON.stringify(frame)).not.toThrow();
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('property: the client settles with a result or a SparkError whatever the request holds', async () => {
    const transport = createMemoryTransport(respondWith(answerFrames('好')));
    const client = makeClient(transport);
    await fc.assert(
      fc.asyncProperty(request, async (params) => {
        const outcome = await client.chat(params).then(
          (result) => ({ result }),
          (error: unknown) => ({ error }),
        );
        if ('error' in outcome) {
          expect(SparkError.isInstance(outcome.error), String((outcome.error as Error)?.stack)).toBe(true);
        } else {
          expect(outcome.result.text).toBe('好');
        }
      }),
      { numRuns: 500 },
    );
    expect(transport.openConnections()).toHaveLength(0);
  });

  it('property: describeValue never throws and never echoes a long string', () => {
    fc.assert(
      fc.property(fc.oneof(oddValue, fc.string({ minLength: 33 })), (value) => {
        const text = describeValue(value);
        expect(typeof text).toBe('string');
        if (typeof value === 'string' && value.length > 32) expect(text).not.toContain(value);
      }),
    );
  });
});
