/**
 * The Spark frames the benchmarks and the fuzzers feed to the decoder, built with the public frame
 * builders of `@xinghuo/core/testing` so their shapes follow the protocol reference (§4) in one place.
 */
import {
  answerFrames,
  errorFrame,
  functionCallFrame,
  type SparkServerFrame,
  searchResultsFrame,
  textFrame,
} from '@xinghuo/core/testing';

/** A session id in the format the service uses. */
const SID = 'cht000cb087@dx18793cd421fb894542';

/** Spark sends a few characters to a sentence per middle frame. */
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

/** The function call of the weather example in Spark's documentation. */
const weatherCall = (usage: { promptTokens: number }): SparkServerFrame =>
  functionCallFrame('天气查询', '{"datetime":"今天","location":"合肥"}', { sid: SID, usage });

/**
 * A realistic answer as Spark streams it (JSON text, as received): one web-search source frame, a
 * first frame, many short middle deltas and a final frame with text and usage, then one function-call
 * frame, which is rarer but part of the mix.
 */
export const REALISTIC_FRAMES: readonly string[] = [
  searchResultsFrame(
    [
      { url: 'https://baike.baidu.com/item/TypeScript', title: 'TypeScript_百度百科' },
      { url: 'https://www.typescriptlang.org/docs/', title: 'TypeScript Documentation' },
    ],
    { sid: SID },
  ),
  ...answerFrames(DELTAS, { sid: SID, usage: { promptTokens: 12, completionTokens: 96 } }),
  weatherCall({ promptTokens: 3 }),
].map((frame) => JSON.stringify(frame));

/**
 * One of each kind of frame a Spark answer is made of, the seeds the fuzzers mutate. The first three
 * are the start, middle and end of one answer, so a prefix of them is a valid beginning of a stream.
 */
export const REAL_FRAMES: readonly SparkServerFrame[] = [
  textFrame('你好', { sid: SID, status: 0, seq: 0 }),
  textFrame('智能服务。', { sid: SID, status: 1, seq: 6 }),
  textFrame('我可以帮助你的吗？', {
    sid: SID,
    status: 2,
    seq: 7,
    usage: { promptTokens: 5, completionTokens: 9 },
  }),
  weatherCall({ promptTokens: 3 }),
  searchResultsFrame([{ url: 'https://baike.baidu.com/item/x', title: '曹操' }], { sid: SID }),
  textFrame('', { sid: SID, status: 1, seq: 2, reasoning: '先想一想' }),
  errorFrame(11200, 'AppIdNoAuthError:(12:17:04.432) tokens.total', { sid: SID }),
  errorFrame(10014, 'output audit failed', { sid: SID }),
  errorFrame(10110, 'busy', { sid: SID }),
];
