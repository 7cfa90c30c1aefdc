/**
 * The hand-written HTTP baseline: what a developer writes from iFlytek's HTTP page in an afternoon,
 * with no SDK. It POSTs with the Bearer password through the global `fetch`, splits the body into
 * lines, `JSON.parse`s each `data:` line, appends `choices[0].delta.content`, keeps `tool_calls` (one
 * object, as Spark sends it by default, or an array), and stops at `[DONE]`. No retries, no
 * timeouts, no typed errors: the least work a correct client can do.
 */

/** One function call as the wire carries it. */
export interface WireToolCall {
  name: string;
  arguments: string;
}

/** The answer text and the tool calls of one streamed answer. */
export interface HttpAnswer {
  text: string;
  toolCalls: WireToolCall[];
}

/** One baseline request. */
export interface HttpBaselineRequest {
  /** The chat-completions URL, e.g. `http://127.0.0.1:41234/v1/chat/completions`. */
  url: string;
  apiPassword: string;
  /** The HTTP `model`, e.g. `lite`. */
  model: string;
  messages: readonly { role: string; content: string }[];
  /** OpenAI-style tools, sent as they are. */
  tools?: readonly unknown[];
}

interface SseChunk {
  code?: number;
  message?: string;
  choices?: {
    delta?: {
      content?: string;
      tool_calls?: ToolCallWire | ToolCallWire[];
    };
  }[];
}

interface ToolCallWire {
  function?: { name?: string; arguments?: string };
}

/**
 * Streams one answer and resolves once `[DONE]` arrives; rejects on an error or a cut stream. The
 * baseline passes no `signal`; `signal` is for the diagnostic side that measures what one costs.
 */
export async function baselineHttpChat(
  request: HttpBaselineRequest,
  signal?: AbortSignal,
): Promise<HttpAnswer> {
  const response = await fetch(request.url, {
    ...(signal ? { signal } : {}),
    method: 'POST',
    headers: {
      authorization: `Bearer ${request.apiPassword}`,
      'content-type': 'application/json',
      accept: 'text/event-stream',
    },
    body: JSON.stringify({
      model: request.model,
      messages: request.messages,
      stream: true,
      ...(request.tools ? { tools: request.tools } : {}),
    }),
  });
  if (!response.ok || !response.body) throw new Error(`HTTP ${response.status}`);
  const answer: HttpAnswer = { text: '', toolCalls: [] };
  const decoder = new TextDecoder();
  const reader = response.body.getReader();
  let buffered = '';
  try {
    return await readAnswer();
  } finally {
    await reader.cancel().catch(() => undefined);
  }

  async function readAnswer(): Promise<HttpAnswer> {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) throw new Error('the stream ended before [DONE]');
      buffered += decoder.decode(value, { stream: true });
      let newline = buffered.indexOf('\n');
      while (newline !== -1) {
        const line = buffered.slice(0, newline).trim();
        buffered = buffered.slice(newline + 1);
        newline = buffered.indexOf('\n');
        if (!line.startsWith('data:')) continue;
        const data = line.slice(5).trim();
        if (data === '[DONE]') return answer;
        const chunk = JSON.parse(data) as SseChunk;
        if (chunk.code) throw new Error(`Spark error ${chunk.code}: ${chunk.message ?? ''}`);
        const delta = chunk.choices?.[0]?.delta;
        answer.text += delta?.content ?? '';
        const calls = delta?.tool_calls;
        for (const call of Array.isArray(calls) ? calls : calls ? [calls] : []) {
          answer.toolCalls.push({
            name: call.function?.name ?? '',
            arguments: call.function?.arguments ?? '',
          });
        }
      }
    }
  }
}
