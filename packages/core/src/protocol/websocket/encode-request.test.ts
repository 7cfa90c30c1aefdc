import { describe, expect, it, vi } from 'vitest';
import { SparkInvalidRequestError } from '../../errors/error-classes';
import { resolveModel } from '../../models/models';
import type { ChatMessage, ChatParams } from '../../types';
import { encodeRequest } from './encode-request';

const lite = resolveModel('lite');
const max = resolveModel('max');
const x1 = resolveModel('x1');
const question: ChatMessage[] = [{ role: 'user', content: '你好' }];

function encode(params: Partial<ChatParams>, model = max, onWarning?: (message: string) => void) {
  return encodeRequest({ messages: question, ...params }, { appId: 'app12345', model, onWarning });
}

function fieldOf(run: () => unknown): string | undefined {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(SparkInvalidRequestError);
    return (error as SparkInvalidRequestError).field;
  }
  throw new Error('expected a SparkInvalidRequestError');
}

describe('encodeRequest', () => {
  it('builds the minimal frame and omits every undefined option', () => {
    const frame = encode({ temperature: undefined, uid: undefined });
    expect(frame).toEqual({
      header: { app_id: 'app12345' },
      parameter: { chat: { domain: 'generalv3.5' } },
      payload: { message: { text: [{ role: 'user', content: '你好' }] } },
    });
    expect(JSON.stringify(frame)).not.toContain('undefined');
  });

  it('maps every option to its wire name', () => {
    const frame = encode({
      messages: [
        { role: 'system', content: '你是助手' },
        { role: 'user', content: 'a' },
        { role: 'assistant', content: 'b' },
        { role: 'user', content: 'c' },
      ],
      temperature: 0.5,
      maxTokens: 8192,
      topK: 6,
      uid: 'u'.repeat(32),
      chatId: 'chat-1',
      patchId: 'patch-1',
      webSearch: { showRefLabel: true, searchMode: 'deep' },
      functions: [
        {
          name: '天气查询',
          description: '查询天气',
          parameters: {
            type: 'object',
            properties: { location: { type: 'string' } },
            required: ['location'],
          },
        },
      ],
    });
    expect(frame.header).toEqual({ app_id: 'app12345', uid: 'u'.repeat(32), patch_id: ['patch-1'] });
    expect(frame.parameter.chat).toEqual({
      domain: 'generalv3.5',
      temperature: 0.5,
      max_tokens: 8192,
      top_k: 6,
      chat_id: 'chat-1',
      tools: [
        { type: 'web_search', web_search: { enable: true, show_ref_label: true, search_mode: 'deep' } },
      ],
    });
    expect(frame.payload.message.text.map((message) => message.role)).toEqual([
      'system',
      'user',
      'assistant',
      'user',
    ]);
    expect(frame.payload.functions?.text[0]?.name).toBe('天气查询');
  });

  it('copies messages without extra properties', () => {
    const frame = encode({ messages: [{ role: 'user', content: 'x', name: 'extra' } as ChatMessage] });
    expect(frame.payload.message.text).toEqual([{ role: 'user', content: 'x' }]);
  });

  it('sends web search off explicitly for false and on for true', () => {
    expect(encode({ webSearch: false }).parameter.chat.tools).toEqual([
      { type: 'web_search', web_search: { enable: false } },
    ]);
    expect(encode({ webSearch: true }).parameter.chat.tools).toEqual([
      { type: 'web_search', web_search: { enable: true } },
    ]);
  });

  describe('toolChoice (Spark has no tool_choice on WebSocket)', () => {
    const weather = {
      name: 'weather',
      description: 'd',
      parameters: { type: 'object' as const, properties: {} },
    };

    it("'auto' changes nothing: the functions are sent, and no tool_choice is", () => {
      const frame = encode({ functions: [weather], toolChoice: 'auto' });
      expect(frame).toEqual(encode({ functions: [weather] }));
      expect(JSON.stringify(frame)).not.toContain('tool_choice');
    });

    it("'none' leaves the functions out, so nothing can be called", () => {
      const frame = encode({ functions: [weather], toolChoice: 'none' });
      expect(frame.payload.functions).toBeUndefined();
      expect(JSON.stringify(frame)).not.toContain('tool_choice');
      // The definitions are still checked: a bad one is a bug whatever the choice.
      expect(
        fieldOf(() =>
          encode({ functions: [{ ...weather, description: 1 as unknown as string }], toolChoice: 'none' }),
        ),
      ).toBe('functions[0].description');
    });

    it('refuses a forced call, saying that it needs protocol http', () => {
      for (const toolChoice of ['required', { name: 'weather' }] as const) {
        expect(() => encode({ functions: [weather], toolChoice })).toThrow(
          /toolChoice must be "auto" or "none" on WebSocket: forcing a call needs protocol "http"/,
        );
        expect(fieldOf(() => encode({ functions: [weather], toolChoice }))).toBe('toolChoice');
      }
    });

    it('refuses an unknown value, naming the field', () => {
      expect(fieldOf(() => encode({ functions: [weather], toolChoice: 'any' as 'auto' }))).toBe('toolChoice');
    });
  });

  describe('options only the HTTP API takes', () => {
    it.each([
      ['responseFormat', { responseFormat: 'json_object' }],
      ['topP', { topP: 0.9 }],
      ['presencePenalty', { presencePenalty: 0.5 }],
      ['frequencyPenalty', { frequencyPenalty: -1 }],
    ] as const)('refuses %s, saying that it needs protocol http', (field, params) => {
      expect(() => encode(params)).toThrow(
        new RegExp(`${field} must be left out on WebSocket: it is an HTTP option \\(protocol: "http"\\)`),
      );
      expect(fieldOf(() => encode(params))).toBe(field);
    });

    it('ignores them when undefined', () => {
      const frame = encode({ topP: undefined, presencePenalty: undefined, frequencyPenalty: undefined });
      expect(frame).toEqual(encode({}));
    });
  });

  it('omits payload.functions for an empty list', () => {
    expect(encode({ functions: [] }).payload.functions).toBeUndefined();
  });

  it('sends thinking for reasoning models', () => {
    expect(encode({ thinking: 'disabled' }, x1).parameter.chat.thinking).toEqual({ type: 'disabled' });
    expect(encode({}, x1).parameter.chat.domain).toBe('spark-x');
  });

  it('keeps an array patchId and copies it', () => {
    const ids = ['a', 'b'] as const;
    const frame = encode({ patchId: ids });
    expect(frame.header.patch_id).toEqual(['a', 'b']);
    expect(frame.header.patch_id).not.toBe(ids);
  });

  it('merges extra into parameter.chat, after the typed options', () => {
    const frame = encode({
      temperature: 0.5,
      extra: { auditing: 'default', top_p: 0.9, temperature: 0.7, skip: undefined },
    });
    expect(frame.parameter.chat).toEqual({
      domain: 'generalv3.5',
      temperature: 0.7,
      auditing: 'default',
      top_p: 0.9,
    });
  });

  describe('validation', () => {
    it.each([
      ['appId', () => encodeRequest({ messages: question }, { appId: '', model: max })],
      [
        'appId',
        () => encodeRequest({ messages: question }, { appId: undefined as unknown as string, model: max }),
      ],
      ['messages', () => encode({ messages: [] })],
      ['messages', () => encode({ messages: undefined as unknown as ChatMessage[] })],
      ['messages[0]', () => encode({ messages: ['hi'] as unknown as ChatMessage[] })],
      [
        'messages[0].content',
        () => encode({ messages: [{ role: 'user', content: 5 as unknown as string }] }),
      ],
      ['messages[0].role', () => encode({ messages: [{ role: 'tool' as 'user', content: 'x' }] })],
      [
        'messages[1].role',
        () =>
          encode({
            messages: [
              { role: 'user', content: 'a' },
              { role: 'system', content: 'late system' },
              { role: 'user', content: 'b' },
            ],
          }),
      ],
      [
        'messages[1].role',
        () =>
          encode({
            messages: [
              { role: 'system', content: 'a' },
              { role: 'system', content: 'b' },
              { role: 'user', content: 'c' },
            ],
          }),
      ],
      ['messages[0].role', () => encode({ messages: [{ role: 'assistant', content: 'a' }] })],
      [
        'messages[1].role',
        () =>
          encode({
            messages: [
              { role: 'user', content: 'a' },
              { role: 'user', content: 'b' },
            ],
          }),
      ],
      [
        'messages[1].role',
        () =>
          encode({
            messages: [
              { role: 'user', content: 'a' },
              { role: 'assistant', content: 'b' },
            ],
          }),
      ],
      ['messages[0].role', () => encode({ messages: [{ role: 'system', content: 'only system' }] })],
      ['temperature', () => encode({ temperature: 0 })],
      ['temperature', () => encode({ temperature: 1.01 })],
      ['temperature', () => encode({ temperature: Number.NaN })],
      ['temperature', () => encode({ temperature: '0.5' as unknown as number })],
      ['temperature', () => encode({ temperature: 2.5 }, x1)],
      ['topK', () => encode({ topK: 0 })],
      ['topK', () => encode({ topK: 7 })],
      ['topK', () => encode({ topK: 2.5 })],
      ['maxTokens', () => encode({ maxTokens: 0 })],
      ['maxTokens', () => encode({ maxTokens: 4097 }, lite)],
      ['maxTokens', () => encode({ maxTokens: 8193 })],
      ['maxTokens', () => encode({ maxTokens: 1.5 })],
      ['uid', () => encode({ uid: 'u'.repeat(33) })],
      ['uid', () => encode({ uid: '' })],
      ['chatId', () => encode({ chatId: '' })],
      ['functions', () => encode({ functions: {} as unknown as [] })],
      [
        'functions[0].name',
        () =>
          encode({
            functions: [{ name: '', description: 'd', parameters: { type: 'object', properties: {} } }],
          }),
      ],
      [
        'functions[0].description',
        () =>
          encode({
            functions: [
              {
                name: 'f',
                description: 1 as unknown as string,
                parameters: { type: 'object', properties: {} },
              },
            ],
          }),
      ],
      [
        'functions[0].parameters',
        () =>
          encode({ functions: [{ name: 'f', description: 'd', parameters: { type: 'string' } as never }] }),
      ],
      [
        'functions[1].name',
        () =>
          encode({
            functions: [
              { name: 'f', description: 'd', parameters: { type: 'object', properties: {} } },
              { name: 'f', description: 'd', parameters: { type: 'object', properties: {} } },
            ],
          }),
      ],
      ['webSearch', () => encode({ webSearch: 'yes' as unknown as boolean })],
      ['webSearch.enable', () => encode({ webSearch: { enable: 'yes' as unknown as boolean } })],
      ['webSearch.showRefLabel', () => encode({ webSearch: { showRefLabel: 1 as unknown as boolean } })],
      ['webSearch.searchMode', () => encode({ webSearch: { searchMode: 'fast' as 'deep' } })],
      ['thinking', () => encode({ thinking: 'on' as 'enabled' }, x1)],
      ['patchId', () => encode({ patchId: [] })],
      ['patchId', () => encode({ patchId: '' })],
      ['extra', () => encode({ extra: [] as unknown as Record<string, unknown> })],
      ['extra.domain', () => encode({ extra: { domain: 'lite' } })],
    ])('rejects a bad %s before any network', (field, run) => {
      expect(fieldOf(run)).toBe(field);
    });

    it('names the field and the allowed range in the message', () => {
      expect(() => encode({ maxTokens: 5000 }, lite)).toThrow(/maxTokens.*1 to 4096.*lite/);
      expect(() => encode({ temperature: 0 })).toThrow(/temperature.*greater than 0 and at most 1/);
      expect(() => encode({ topK: 9 })).toThrow(/topK.*1 to 6/);
    });

    it('accepts the edges of every range', () => {
      expect(() => encode({ temperature: 1, topK: 1, maxTokens: 1 })).not.toThrow();
      expect(() => encode({ temperature: 0.0001, topK: 6, maxTokens: 8192 })).not.toThrow();
      expect(() => encode({ temperature: 0 }, x1)).not.toThrow();
      expect(() => encode({ temperature: 2 }, x1)).not.toThrow();
    });
  });

  describe('capability warnings', () => {
    it('warns, and still sends, a system message on Lite', () => {
      const onWarning = vi.fn();
      const frame = encode(
        {
          messages: [
            { role: 'system', content: 's' },
            { role: 'user', content: 'u' },
          ],
        },
        lite,
        onWarning,
      );
      expect(onWarning).toHaveBeenCalledTimes(1);
      expect(onWarning.mock.calls[0]?.[0]).toMatch(/system/);
      expect(frame.payload.message.text[0]?.role).toBe('system');
    });

    it('warns about functions, web search and thinking on models without them', () => {
      const onWarning = vi.fn();
      encode(
        {
          functions: [{ name: 'f', description: 'd', parameters: { type: 'object', properties: {} } }],
          webSearch: true,
          thinking: 'enabled',
        },
        lite,
        onWarning,
      );
      const warnings = onWarning.mock.calls.map((call) => String(call[0]));
      expect(warnings).toHaveLength(3);
      expect(warnings.join('\n')).toMatch(/function calling/);
      expect(warnings.join('\n')).toMatch(/web search/);
      expect(warnings.join('\n')).toMatch(/reasoning/);
    });

    it('does not warn when web search is turned off or the model supports the feature', () => {
      const onWarning = vi.fn();
      encode({ webSearch: false }, lite, onWarning);
      encode(
        {
          messages: [
            { role: 'system', content: 's' },
            { role: 'user', content: 'u' },
          ],
          webSearch: true,
          functions: [{ name: 'f', description: 'd', parameters: { type: 'object', properties: {} } }],
        },
        max,
        onWarning,
      );
      expect(onWarning).not.toHaveBeenCalled();
    });

    it('works without an onWarning callback', () => {
      expect(() => encode({ webSearch: true }, lite)).not.toThrow();
    });
  });
});
