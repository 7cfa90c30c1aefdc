/**
 * A realistic answer as Spark streams it: one first frame, many short middle deltas (Spark sends a
 * few characters to a sentence per frame), and a final frame with text and usage; plus one
 * web-search source frame and one function-call frame, which are rarer but part of the mix.
 */
const SID = 'cht000cb087@dx18793cd421fb894542';

const DELTAS = [
  '你好！',
  '我是讯飞星火认知大模型，',
  '很高兴为你服务。',
  'TypeScript 是 JavaScript 的超集，',
  '它增加了静态类型检查，',
  'and it compiles to plain JavaScript ',
  'that runs in any browser or runtime.',
  '在大型项目中，',
  '类型系统可以提前发现错误，',
  '也能让编辑器提供更好的补全。',
];

function textFrame(status: 0 | 1 | 2, seq: number, content: string, usage = false): string {
  return JSON.stringify({
    header: { code: 0, message: 'Success', sid: SID, status },
    payload: {
      choices: { status, seq, text: [{ content, role: 'assistant', index: 0 }] },
      ...(usage
        ? {
            usage: {
              text: { question_tokens: 12, prompt_tokens: 12, completion_tokens: 96, total_tokens: 108 },
            },
          }
        : {}),
    },
  });
}

const searchFrame = JSON.stringify({
  header: { code: 0, message: 'Success', sid: SID, status: 1 },
  payload: {
    plugins: {
      text: [
        {
          name: 'ifly_search',
          content: JSON.stringify([
            { index: 1, url: 'https://baike.baidu.com/item/TypeScript', title: 'TypeScript_百度百科' },
            { index: 2, url: 'https://www.typescriptlang.org/docs/', title: 'TypeScript Documentation' },
          ]),
          content_type: 'text',
          content_meta: null,
          role: 'tool',
          status: 'finished',
          invoked: {
            namespace: 'ifly_search',
            plugin_id: 'ifly_search',
            plugin_ver: '',
            status_code: 200,
            type: 'local',
          },
        },
      ],
    },
  },
});

const functionCallFrame = JSON.stringify({
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
});

/** The frames of the benchmark mix, as received (JSON text). */
export const REALISTIC_FRAMES: readonly string[] = [
  searchFrame,
  textFrame(0, 0, DELTAS[0]!),
  ...DELTAS.slice(1, -1).map((delta, index) => textFrame(1, index + 1, delta)),
  textFrame(2, DELTAS.length - 1, DELTAS.at(-1)!, true),
  functionCallFrame,
];
