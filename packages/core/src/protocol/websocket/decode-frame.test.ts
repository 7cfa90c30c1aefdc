import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  SparkContentFilterError,
  SparkContextLengthError,
  SparkPermissionError,
  SparkProtocolError,
  SparkRateLimitError,
} from '../../errors/error-classes';
import { SparkError } from '../../errors/spark-error';
import { decodeFrame } from './decode-frame';

// Real frames from the official documentation (spec §4).
const FINAL_FRAME =
  '{"header":{"code":0,"message":"Success","sid":"cht000cb087@dx18793cd421fb894542","status":2},"payload":{"choices":{"status":2,"seq":0,"text":[{"content":"我可以帮助你的吗？","role":"assistant","index":0}]},"usage":{"text":{"question_tokens":4,"prompt_tokens":5,"completion_tokens":9,"total_tokens":14}}}}';
const MIDDLE_FRAME =
  '{"header":{"code":0,"message":"Success","sid":"cht000c0e9c@dx187bb529b75a173541","status":1},"payload":{"choices":{"status":1,"seq":6,"text":[{"content":"智能服务。","role":"assistant","index":0}]}}}';
const FUNCTION_CALL_FRAME =
  '{"header":{"code":0,"message":"Success","sid":"cht000b41d5@dx18b851e6931b894550","status":2},"payload":{"choices":{"status":2,"seq":0,"text":[{"content":"","role":"assistant","content_type":"text","function_call":{"arguments":"{\\"datetime\\":\\"今天\\",\\"location\\":\\"合肥\\"}","name":"天气查询"},"index":0}]},"usage":{"text":{"question_tokens":3,"prompt_tokens":3,"completion_tokens":0,"total_tokens":3}}}}';
const SEARCH_FRAME = JSON.stringify({
  header: { code: 0, message: 'Success', sid: 'cht000b79a4@dx190da456b5db80a560', status: 1 },
  payload: {
    plugins: {
      text: [
        {
          name: 'ifly_search',
          content: JSON.stringify([
            { index: 1, url: 'https://baike.baidu.com/item/%E6%9B%B9%E6%93%8D/6772', title: '曹操_百度百科' },
            { index: 2, url: 'https://example.com/b', title: 'B' },
          ]),
          content_type: 'text',
          content_meta: null,
          role: 'tool',
          status: 'finished',
          invoked: { namespace: 'ifly_search', plugin_id: 'ifly_search', status_code: 200, type: 'local' },
        },
      ],
    },
  },
});
const ERROR_FRAME =
  '{"header":{"code":11200,"message":"AppIdNoAuthError:(12:17:04.432) tokens.total","sid":"cht000b5e72@dx18b988c77afb81b540","status":2}}';

function frame(header: Record<string, unknown>, payload?: unknown): string {
  return JSON.stringify(payload === undefined ? { header } : { header, payload });
}

describe('decodeFrame', () => {
  it('decodes a middle frame', () => {
    expect(decodeFrame(MIDDLE_FRAME)).toEqual({
      status: 1,
      sid: 'cht000c0e9c@dx187bb529b75a173541',
      seq: 6,
      text: '智能服务。',
      reasoning: '',
    });
  });

  it('returns the final frame text together with usage', () => {
    const decoded = decodeFrame(FINAL_FRAME);
    expect(decoded.status).toBe(2);
    expect(decoded.text).toBe('我可以帮助你的吗？');
    expect(decoded.usage).toEqual({ promptTokens: 5, completionTokens: 9, totalTokens: 14 });
  });

  it('decodes a function call with raw and parsed arguments', () => {
    const decoded = decodeFrame(FUNCTION_CALL_FRAME);
    expect(decoded.text).toBe('');
    expect(decoded.functionCall).toEqual({
      name: '天气查询',
      arguments: '{"datetime":"今天","location":"合肥"}',
      parsedArguments: { datetime: '今天', location: '合肥' },
    });
    expect(decoded.usage?.completionTokens).toBe(0);
  });

  it('keeps unparsable function arguments and says why', () => {
    const decoded = decodeFrame(
      frame(
        { code: 0, sid: 's', status: 2 },
        { choices: { seq: 0, text: [{ content: '', function_call: { name: 'f', arguments: '{"a":' } }] } },
      ),
    );
    expect(decoded.functionCall?.arguments).toBe('{"a":');
    expect(decoded.functionCall?.parsedArguments).toBeUndefined();
    expect(decoded.functionCall?.parseError).toEqual(expect.any(String));
  });

  it('reads empty function arguments as no arguments', () => {
    const decoded = decodeFrame(
      frame(
        { code: 0, sid: 's', status: 2 },
        { choices: { seq: 0, text: [{ function_call: { name: 'now', arguments: '' } }] } },
      ),
    );
    expect(decoded.functionCall).toEqual({ name: 'now', arguments: '', parsedArguments: {} });
  });

  it('decodes a web-search source frame without choices', () => {
    const decoded = decodeFrame(SEARCH_FRAME);
    expect(decoded).toMatchObject({ status: 1, seq: -1, text: '', reasoning: '' });
    expect(decoded.searchResults).toEqual([
      { index: 1, url: 'https://baike.baidu.com/item/%E6%9B%B9%E6%93%8D/6772', title: '曹操_百度百科' },
      { index: 2, url: 'https://example.com/b', title: 'B' },
    ]);
  });

  it('decodes reasoning deltas of x1', () => {
    const decoded = decodeFrame(
      frame(
        { code: 0, sid: 's', status: 1 },
        { choices: { seq: 1, text: [{ content: '', reasoning_content: '先想一想', role: 'assistant' }] } },
      ),
    );
    expect(decoded.reasoning).toBe('先想一想');
    expect(decoded.text).toBe('');
  });

  it('joins several text entries and ignores unknown fields', () => {
    const decoded = decodeFrame(
      frame(
        { code: 0, sid: 's', status: 1, extra: true },
        {
          question_type: 'x',
          choices: {
            status: 1,
            seq: 3,
            text: [{ content: 'a', future: 1 }, { content: 'b' }, { role: 'assistant' }],
          },
        },
      ),
    );
    expect(decoded.text).toBe('ab');
  });

  it('accepts a frame without payload, code or sid', () => {
    expect(decodeFrame('{"header":{"status":0}}')).toEqual({
      status: 0,
      sid: '',
      seq: -1,
      text: '',
      reasoning: '',
    });
  });

  it('computes a missing total from prompt and completion tokens', () => {
    const decoded = decodeFrame(
      frame(
        { code: 0, sid: 's', status: 2 },
        { usage: { text: { prompt_tokens: 2, completion_tokens: 3 } } },
      ),
    );
    expect(decoded.usage).toEqual({ promptTokens: 2, completionTokens: 3, totalTokens: 5 });
  });

  describe('error frames', () => {
    it('throws the typed error with code, message and sid', () => {
      let caught: unknown;
      try {
        decodeFrame(ERROR_FRAME);
      } catch (error) {
        caught = error;
      }
      expect(caught).toBeInstanceOf(SparkPermissionError);
      const error = caught as SparkPermissionError;
      expect(error.sparkCode).toBe(11200);
      expect(error.sid).toBe('cht000b5e72@dx18b988c77afb81b540');
      expect(error.message).toContain('AppIdNoAuthError');
    });

    it('keeps the partial text on a mid-stream output moderation error', () => {
      const raw = frame({ code: 10014, message: 'output audit', sid: 's', status: 2 });
      let caught: unknown;
      try {
        decodeFrame(raw, { partialText: '已经输出的' });
      } catch (error) {
        caught = error;
      }
      expect(caught).toBeInstanceOf(SparkContentFilterError);
      expect((caught as SparkContentFilterError).stage).toBe('output');
      expect((caught as SparkContentFilterError).partialText).toBe('已经输出的');
    });

    it.each([
      [10907, SparkContextLengthError],
      [11202, SparkRateLimitError],
      [10013, SparkContentFilterError],
    ])('maps code %i', (code, type) => {
      expect(() => decodeFrame(frame({ code, message: 'm', sid: 's', status: 2 }))).toThrow(type);
    });

    it('throws the error even when the error frame has a payload', () => {
      expect(() =>
        decodeFrame(frame({ code: 10013, message: 'm', sid: 's', status: 2 }, { choices: { text: [] } })),
      ).toThrow(SparkContentFilterError);
    });
  });

  describe('malformed frames', () => {
    it.each([
      ['not JSON', 'nope'],
      ['truncated JSON', FINAL_FRAME.slice(0, 40)],
      ['a JSON array', '[]'],
      ['JSON null', 'null'],
      ['a JSON string', '"x"'],
      ['no header', '{"payload":{}}'],
      ['a header array', '{"header":[]}'],
      ['no status', '{"header":{"code":0}}'],
      ['status 3', '{"header":{"code":0,"status":3}}'],
      ['status as string', '{"header":{"code":0,"status":"2"}}'],
      ['code as string', '{"header":{"code":"10013","status":2}}'],
      ['sid as number', '{"header":{"code":0,"sid":5,"status":2}}'],
      ['payload as string', '{"header":{"status":1},"payload":"x"}'],
      ['choices as array', '{"header":{"status":1},"payload":{"choices":[]}}'],
      ['text as object', '{"header":{"status":1},"payload":{"choices":{"text":{}}}}'],
      ['text entry as string', '{"header":{"status":1},"payload":{"choices":{"text":["a"]}}}'],
      ['content as number', '{"header":{"status":1},"payload":{"choices":{"text":[{"content":1}]}}}'],
      ['seq as string', '{"header":{"status":1},"payload":{"choices":{"seq":"1","text":[]}}}'],
      [
        'function_call without name',
        '{"header":{"status":2},"payload":{"choices":{"text":[{"function_call":{}}]}}}',
      ],
      ['usage as number', '{"header":{"status":2},"payload":{"usage":1}}'],
      ['negative tokens', '{"header":{"status":2},"payload":{"usage":{"text":{"prompt_tokens":-1}}}}'],
      ['search content not JSON', '{"header":{"status":1},"payload":{"plugins":{"text":[{"content":"{"}]}}}'],
      [
        'search content not an array',
        '{"header":{"status":1},"payload":{"plugins":{"text":[{"content":"{}"}]}}}',
      ],
    ])('rejects %s with a SparkProtocolError', (_, raw) => {
      expect(() => decodeFrame(raw)).toThrow(SparkProtocolError);
    });

    it('rejects a non-string input', () => {
      expect(() => decodeFrame(42 as unknown as string)).toThrow(SparkProtocolError);
    });

    it('never throws anything but a SparkError for arbitrary JSON', () => {
      fc.assert(
        fc.property(
          fc.oneof(
            fc.json(),
            fc
              .record({
                header: fc.record({
                  code: fc.constantFrom(0, undefined),
                  status: fc.constantFrom(0, 1, 2, 3),
                }),
                payload: fc.anything(),
              })
              .map((value) => JSON.stringify(value) ?? 'null'),
          ),
          (raw) => {
            try {
              decodeFrame(raw);
            } catch (error) {
              expect(SparkError.isInstance(error)).toBe(true);
            }
          },
        ),
        { numRuns: 500 },
      );
    });
  });
});
