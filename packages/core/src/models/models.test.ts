import { describe, expect, it } from 'vitest';
import { SparkConfigError } from '../errors/error-classes';
import { MODELS, resolveModel } from './models';

describe('MODELS', () => {
  it('lists every current model once', () => {
    expect(MODELS.map((model) => model.id)).toEqual([
      'lite',
      'generalv3',
      'pro-128k',
      'generalv3.5',
      'max-32k',
      '4.0Ultra',
      'kjwx',
      'x1',
      'x2',
      'spark-x2.5',
    ]);
  });

  it('pairs each domain with its documented URL (spec §2)', () => {
    const pairs = Object.fromEntries(MODELS.map((model) => [model.id, model.url]));
    expect(pairs).toEqual({
      lite: 'wss://spark-api.xf-yun.com/v1.1/chat',
      generalv3: 'wss://spark-api.xf-yun.com/v3.1/chat',
      'pro-128k': 'wss://spark-api.xf-yun.com/chat/pro-128k',
      'generalv3.5': 'wss://spark-api.xf-yun.com/v3.5/chat',
      'max-32k': 'wss://spark-api.xf-yun.com/chat/max-32k',
      '4.0Ultra': 'wss://spark-api.xf-yun.com/v4.0/chat',
      kjwx: 'wss://spark-openapi-n.cn-huabei-1.xf-yun.com/v1.1/chat_kjwx',
      x1: 'wss://spark-api.xf-yun.com/v1/x1',
      x2: 'wss://spark-api.xf-yun.com/x2',
      'spark-x2.5': undefined,
    });
  });

  it('lists each HTTP endpoint and model id (spec §6.1)', () => {
    const http = Object.fromEntries(
      MODELS.map((model) => [
        model.id,
        model.http && [model.http.url.replace('https://spark-api-open.xf-yun.com', ''), model.http.model],
      ]),
    );
    expect(http).toEqual({
      lite: ['/v1/chat/completions', 'lite'],
      generalv3: ['/v1/chat/completions', 'generalv3'],
      'pro-128k': ['/v1/chat/completions', 'pro-128k'],
      'generalv3.5': ['/v1/chat/completions', 'generalv3.5'],
      'max-32k': ['/v1/chat/completions', 'max-32k'],
      '4.0Ultra': ['/v1/chat/completions', '4.0Ultra'],
      kjwx: undefined,
      x1: ['/v2/chat/completions', 'spark-x'],
      x2: ['/x2/chat/completions', 'spark-x'],
      'spark-x2.5': ['/x2.5/chat/completions', 'spark-x2.5'],
    });
    expect(resolveModel('x2.5').http?.maxTokensField).toBe('max_completion_tokens');
    expect(resolveModel('max').http?.maxTokensField).toBe('max_tokens');
  });

  it('builds HTTP-only and two-protocol custom models, and refuses one with no endpoint', () => {
    const httpOnly = resolveModel({
      httpUrl: 'http://127.0.0.1:1/v9/chat/completions',
      httpModel: 'new-model',
    });
    expect(httpOnly).toMatchObject({
      id: 'new-model',
      url: undefined,
      http: { model: 'new-model', functions: true, maxTokensField: 'max_tokens' },
    });
    const both = resolveModel({
      url: 'wss://example.com/chat',
      domain: 'd',
      httpUrl: 'https://example.com/v1/chat/completions',
    });
    expect(both.http?.model).toBe('d');
    expect(() => resolveModel({})).toThrow(/no endpoint/);
    expect(() => resolveModel({ httpUrl: 'ftp://x/y', httpModel: 'm' })).toThrow(SparkConfigError);
  });

  it('records the documented limits', () => {
    const limits = Object.fromEntries(
      MODELS.map((model) => [model.id, [model.contextWindow, model.maxOutputTokens]]),
    );
    expect(limits).toMatchObject({
      lite: [8192, 4096],
      generalv3: [8192, 8192],
      'pro-128k': [131072, 4096],
      'generalv3.5': [8192, 8192],
      'max-32k': [32768, 8192],
      '4.0Ultra': [8192, 8192],
    });
  });

  it('has consistent limits, a label and unique names everywhere', () => {
    const names = new Set<string>();
    for (const model of MODELS) {
      expect(model.label.length).toBeGreaterThan(0);
      expect(model.defaultMaxTokens).toBeLessThanOrEqual(model.maxOutputTokens);
      expect(model.defaultMaxTokens).toBeGreaterThan(0);
      expect(model.url ?? model.http).toBeDefined();
      if (model.url) expect(new URL(model.url).protocol).toBe('wss:');
      if (model.http) expect(new URL(model.http.url).protocol).toBe('https:');
      for (const name of [model.id, ...model.aliases]) {
        expect(names.has(name.toLowerCase())).toBe(false);
        names.add(name.toLowerCase());
      }
    }
  });

  it('marks only the X models as reasoning models and Lite without system support', () => {
    expect(MODELS.filter((model) => model.capabilities.reasoning).map((model) => model.id)).toEqual([
      'x1',
      'x2',
      'spark-x2.5',
    ]);
    expect(resolveModel('lite').capabilities.system).toBe(false);
  });

  it('is frozen', () => {
    expect(Object.isFrozen(MODELS)).toBe(true);
    expect(Object.isFrozen(MODELS[0])).toBe(true);
    expect(Object.isFrozen(MODELS[0]?.capabilities)).toBe(true);
  });
});

describe('resolveModel', () => {
  it.each([
    ['pro', 'generalv3'],
    ['max', 'generalv3.5'],
    ['ultra', '4.0Ultra'],
    ['spark-x', 'x1'],
    ['4.0ultra', '4.0Ultra'],
    [' MAX ', 'generalv3.5'],
    ['general', 'lite'],
    ['kjwx', 'kjwx'],
  ])('resolves %s to %s', (name, id) => {
    expect(resolveModel(name).id).toBe(id);
  });

  it('returns a registry entry as it is', () => {
    const model = MODELS[3]!;
    expect(resolveModel(model)).toBe(model);
  });

  it('lists the known ids for an unknown name', () => {
    expect(() => resolveModel('gpt-4')).toThrow(SparkConfigError);
    expect(() => resolveModel('gpt-4')).toThrow(
      /Known models: lite.*generalv3 \(pro.*4\.0Ultra \(ultra.*x1 \(spark-x\)/,
    );
  });

  it('accepts a custom endpoint with defaults', () => {
    const model = resolveModel({
      url: 'wss://maas-api.cn-huabei-1.xf-yun.com/v1.1/chat',
      domain: 'xdeepseekv3',
    });
    expect(model).toMatchObject({
      id: 'xdeepseekv3',
      label: 'xdeepseekv3',
      domain: 'xdeepseekv3',
      contextWindow: 8192,
      maxOutputTokens: 8192,
      defaultMaxTokens: 4096,
      custom: true,
      capabilities: { system: true, functions: true, webSearch: true, reasoning: false },
    });
  });

  it('keeps the given limits and capabilities of a custom endpoint', () => {
    const model = resolveModel({
      url: 'ws://127.0.0.1:8787/v1/x1',
      domain: 'x1',
      id: 'local-x1',
      contextWindow: 65536,
      maxOutputTokens: 32768,
      capabilities: { reasoning: true, webSearch: false },
    });
    expect(model).toMatchObject({
      id: 'local-x1',
      contextWindow: 65536,
      maxOutputTokens: 32768,
      defaultMaxTokens: 4096,
    });
    expect(model.capabilities).toEqual({ system: true, functions: true, webSearch: false, reasoning: true });
  });

  it.each([
    ['http URL', { url: 'https://spark-api.xf-yun.com/v3.5/chat', domain: 'x' }, /ws:\/\/ or wss:\/\//],
    ['unparsable URL', { url: 'ws(s)://spark-api.xf-yun.com/v3.5/chat', domain: 'x' }, /not a valid URL/],
    ['empty URL', { url: '', domain: 'x' }, /url/],
    ['empty domain', { url: 'wss://a.example/chat', domain: ' ' }, /domain/],
    ['bad context window', { url: 'wss://a.example/chat', domain: 'x', contextWindow: 0 }, /contextWindow/],
    [
      'fractional output limit',
      { url: 'wss://a.example/chat', domain: 'x', maxOutputTokens: 1.5 },
      /maxOutputTokens/,
    ],
  ])('rejects a custom model with %s', (_, input, pattern) => {
    expect(() => resolveModel(input)).toThrow(SparkConfigError);
    expect(() => resolveModel(input)).toThrow(pattern);
  });

  it('rejects input that is neither a name nor an object', () => {
    expect(() => resolveModel(null as unknown as string)).toThrow(SparkConfigError);
    expect(() => resolveModel(42 as unknown as string)).toThrow(SparkConfigError);
  });
});
