/**
 * SSE chunk payloads in the shapes Spark's OpenAI-compatible API sends (spec §6.4): content chunks,
 * reasoning and content in one delta, Spark's one-object `tool_calls`, usage on the last content
 * chunk (`/v1`) or in a chunk of its own (`/v2`, X2), and a business error. Seeds of the SSE fuzzers.
 */
const base = {
  code: 0,
  message: 'Success',
  sid: 'cha000b0001@dx1',
  id: 'cha000b0001@dx1',
  created: 1_764_000_000,
};

/** A content chunk carrying `content` (and a finish reason and usage when it is the last one). */
export function contentChunk(content: string, last?: { usage: boolean }): Record<string, unknown> {
  return {
    ...base,
    choices: [
      {
        index: 0,
        delta: { role: 'assistant', content },
        ...(last ? { finish_reason: 'stop' } : {}),
      },
    ],
    ...(last?.usage ? { usage: { prompt_tokens: 3, completion_tokens: 9, total_tokens: 12 } } : {}),
  };
}

export const REAL_HTTP_CHUNKS: readonly Record<string, unknown>[] = [
  contentChunk('你好'),
  contentChunk('，我是讯飞星火。', { usage: true }),
  {
    ...base,
    choices: [{ index: 0, delta: { role: 'assistant', reasoning_content: '用户在打招呼', content: '你' } }],
  },
  {
    ...base,
    choices: [
      {
        index: 0,
        delta: {
          role: 'assistant',
          content: '',
          tool_calls: {
            id: 'call_b0001',
            type: 'function',
            function: { name: 'get_weather', arguments: '{"city":"合肥"}' },
          },
        },
        finish_reason: 'tool_calls',
      },
    ],
  },
  { ...base, choices: [], usage: { prompt_tokens: 3, completion_tokens: 9, total_tokens: 12 } },
  { code: 10013, message: 'input content audit failed', sid: 'cha000b0001@dx1' },
];
