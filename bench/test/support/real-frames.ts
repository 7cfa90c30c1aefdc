/**
 * Frames as Spark really sends them (shapes from the protocol reference §4), the seeds the fuzzers
 * mutate.
 */

const SID = 'cht000cb087@dx18793cd421fb894542';

/** One of each kind of frame a Spark answer is made of. */
export const REAL_FRAMES: readonly Record<string, unknown>[] = [
  {
    header: { code: 0, message: 'Success', sid: SID, status: 0 },
    payload: { choices: { status: 0, seq: 0, text: [{ content: '你好', role: 'assistant', index: 0 }] } },
  },
  {
    header: { code: 0, message: 'Success', sid: SID, status: 1 },
    payload: {
      choices: { status: 1, seq: 6, text: [{ content: '智能服务。', role: 'assistant', index: 0 }] },
    },
  },
  {
    header: { code: 0, message: 'Success', sid: SID, status: 2 },
    payload: {
      choices: { status: 2, seq: 7, text: [{ content: '我可以帮助你的吗？', role: 'assistant', index: 0 }] },
      usage: { text: { question_tokens: 4, prompt_tokens: 5, completion_tokens: 9, total_tokens: 14 } },
    },
  },
  {
    header: { code: 0, message: 'Success', sid: SID, status: 2 },
    payload: {
      choices: {
        status: 2,
        seq: 0,
        text: [
          {
            content: '',
            role: 'assistant',
            content_type: 'text',
            function_call: { arguments: '{"datetime":"今天","location":"合肥"}', name: '天气查询' },
            index: 0,
          },
        ],
      },
      usage: { text: { question_tokens: 3, prompt_tokens: 3, completion_tokens: 0, total_tokens: 3 } },
    },
  },
  {
    header: { code: 0, message: 'Success', sid: SID, status: 1 },
    payload: {
      plugins: {
        text: [
          {
            name: 'ifly_search',
            content: '[{"index":1,"url":"https://baike.baidu.com/item/x","title":"曹操"}]',
            content_type: 'text',
            role: 'tool',
            status: 'finished',
          },
        ],
      },
    },
  },
  {
    header: { code: 0, message: 'Success', sid: SID, status: 1 },
    payload: {
      choices: {
        status: 1,
        seq: 2,
        text: [{ content: '', reasoning_content: '先想一想', role: 'assistant', index: 0 }],
      },
    },
  },
  { header: { code: 11200, message: 'AppIdNoAuthError:(12:17:04.432) tokens.total', sid: SID, status: 2 } },
  { header: { code: 10014, message: 'output audit failed', sid: SID, status: 2 } },
  { header: { code: 10110, message: 'busy', sid: SID, status: 2 } },
];
