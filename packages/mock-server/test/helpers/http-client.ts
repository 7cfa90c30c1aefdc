/** A chat-completions chunk or body as the tests read it (fields optional: faults send partial ones). */
export interface CompletionJson {
  code?: number;
  message?: string;
  sid?: string;
  id?: string;
  created?: number;
  choices?: {
    index: number;
    delta?: {
      role?: string;
      content?: string;
      reasoning_content?: string;
      tool_calls?: unknown;
      plugins_content?: { name: string; content: string }[];
    };
    message?: { role: string; content: string; reasoning_content?: string; tool_calls?: unknown };
    finish_reason?: string;
  }[];
  usage?: { prompt_tokens: number; completion_tokens: number; total_tokens: number };
  error?: { message: string; type: string };
}

/** One SSE event as sent: the exact `data:` spelling and the payload text. */
export interface SseEvent {
  prefix: 'data:' | 'data: ';
  data: string;
  /** The parsed payload, or `undefined` for `[DONE]` and malformed chunks. */
  json: CompletionJson | undefined;
}

/** Posts a chat-completions body with plain `fetch`, as an OpenAI-compatible client would. */
export function postChat(
  url: string,
  body: unknown,
  options: { authorization?: string | undefined; signal?: AbortSignal } = {},
): Promise<Response> {
  const headers: Record<string, string> = { 'Content-Type': 'application/json' };
  if (options.authorization !== undefined) headers.Authorization = options.authorization;
  return fetch(url, {
    method: 'POST',
    headers,
    body: typeof body === 'string' ? body : JSON.stringify(body),
    ...(options.signal === undefined ? {} : { signal: options.signal }),
  });
}

/** Splits an SSE body into its events (blank-line separated, `data:` with or without a space). */
export function parseSse(text: string): SseEvent[] {
  return text
    .split('\n\n')
    .filter((block) => block.length > 0)
    .map((block) => {
      const prefix = block.startsWith('data: ') ? 'data: ' : 'data:';
      if (!block.startsWith('data:')) throw new Error(`not an SSE data event: ${block}`);
      const data = block.slice(prefix.length);
      let json: CompletionJson | undefined;
      try {
        json = data === '[DONE]' ? undefined : (JSON.parse(data) as CompletionJson);
      } catch {
        json = undefined;
      }
      return { prefix, data, json };
    });
}

/** Reads a streamed body to its end and parses its events. */
export async function readSse(response: Response): Promise<SseEvent[]> {
  return parseSse(await response.text());
}

/**
 * Reads a streamed body until it fails or `count` complete events arrived; returns the events and the
 * error that ended the body, if any.
 */
export async function readEvents(
  response: Response,
  count = Number.POSITIVE_INFINITY,
): Promise<{ events: SseEvent[]; error: unknown; reader: ReadableStreamDefaultReader<Uint8Array> }> {
  const reader = response.body!.getReader();
  const decoder = new TextDecoder();
  let text = '';
  const complete = () => parseSse(text.slice(0, text.lastIndexOf('\n\n') + 2));
  try {
    while (complete().length < count) {
      const { done, value } = await reader.read();
      if (done) break;
      text += decoder.decode(value, { stream: true });
    }
  } catch (error) {
    return { events: complete(), error, reader };
  }
  return { events: complete(), error: undefined, reader };
}

/** The answer text of streamed chunks, concatenated. */
export function streamedContent(events: readonly SseEvent[]): string {
  return events.map((event) => event.json?.choices?.[0]?.delta?.content ?? '').join('');
}

/** The reasoning text of streamed chunks, concatenated. */
export function streamedReasoning(events: readonly SseEvent[]): string {
  return events.map((event) => event.json?.choices?.[0]?.delta?.reasoning_content ?? '').join('');
}
