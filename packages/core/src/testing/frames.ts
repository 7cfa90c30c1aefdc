/**
 * Builders of Spark server frames (spec §4), as plain objects shaped exactly like the wire.
 * Send them with `server.send(frame)` from a {@link createMemoryTransport} handler.
 */

/** A server frame as Spark sends it (snake_case wire shape). */
export type SparkServerFrame = {
  header: { code: number; message: string; sid: string; status: 0 | 1 | 2 };
  payload?: Record<string, unknown>;
};

/** Token counts on the final frame, in the public camelCase form. */
export interface FrameUsage {
  promptTokens?: number | undefined;
  completionTokens?: number | undefined;
  totalTokens?: number | undefined;
}

/** Options shared by the builders. */
export interface FrameOptions {
  /** Session id of every frame; default `'cht000test@dx0000000000000000'`. */
  sid?: string | undefined;
}

/** Options of {@link answerFrames}. */
export interface AnswerFramesOptions extends FrameOptions {
  /** Characters per frame when `text` is a string; default 4. */
  chunkSize?: number | undefined;
  /** Reasoning (x1 `reasoning_content`) chunks sent before the answer. */
  reasoning?: string | readonly string[] | undefined;
  /** Usage of the final frame; completion tokens default to the number of answer frames. */
  usage?: FrameUsage | undefined;
}

/** The default session id of built frames. */
export const TEST_SID = 'cht000test@dx0000000000000000';

function chunks(text: string | readonly string[], size: number): string[] {
  if (typeof text !== 'string') return [...text];
  if (text === '') return [''];
  const characters = Array.from(text);
  const result: string[] = [];
  for (let start = 0; start < characters.length; start += size) {
    result.push(characters.slice(start, start + size).join(''));
  }
  return result;
}

/** The wire form of usage: `payload.usage.text`. */
export function wireUsage(usage: FrameUsage = {}): Record<string, unknown> {
  const promptTokens = usage.promptTokens ?? 5;
  const completionTokens = usage.completionTokens ?? 0;
  return {
    text: {
      question_tokens: promptTokens,
      prompt_tokens: promptTokens,
      completion_tokens: completionTokens,
      total_tokens: usage.totalTokens ?? promptTokens + completionTokens,
    },
  };
}

/**
 * One text frame. `status` goes into both `header.status` and `choices.status`.
 *
 * @example
 * ```ts
 * server.send(textFrame('你好', { status: 0, seq: 0 }));
 * ```
 */
export function textFrame(
  content: string,
  options: FrameOptions & {
    status: 0 | 1 | 2;
    seq: number;
    reasoning?: string | undefined;
    usage?: FrameUsage | undefined;
  },
): SparkServerFrame {
  const entry: Record<string, unknown> = { content, role: 'assistant', index: 0 };
  if (options.reasoning !== undefined) entry.reasoning_content = options.reasoning;
  const payload: Record<string, unknown> = {
    choices: { status: options.status, seq: options.seq, text: [entry] },
  };
  if (options.usage) payload.usage = wireUsage(options.usage);
  return {
    header: { code: 0, message: 'Success', sid: options.sid ?? TEST_SID, status: options.status },
    payload,
  };
}

/**
 * A whole streamed answer: frames with status 0 → 1 → 2, increasing `seq`, one `sid`, usage on the
 * last frame, and text on every frame including the last. Reasoning chunks, when given, come first.
 *
 * @example
 * ```ts
 * answerFrames('你好，我是星火。', { chunkSize: 3 }).forEach((frame) => server.send(frame));
 * ```
 */
export function answerFrames(
  text: string | readonly string[],
  options: AnswerFramesOptions = {},
): SparkServerFrame[] {
  const reasoning = options.reasoning === undefined ? [] : chunks(options.reasoning, options.chunkSize ?? 4);
  const answer = chunks(text, options.chunkSize ?? 4);
  const parts = [
    ...reasoning.map((piece) => ({ content: '', reasoning: piece })),
    ...answer.map((piece) => ({ content: piece, reasoning: undefined })),
  ];
  const usage: FrameUsage = { completionTokens: parts.length, ...options.usage };
  return parts.map((part, index) => {
    const status = index === parts.length - 1 ? 2 : index === 0 ? 0 : 1;
    return textFrame(part.content, {
      status,
      seq: index,
      sid: options.sid,
      reasoning: part.reasoning,
      usage: status === 2 ? usage : undefined,
    });
  });
}

/**
 * An error frame: `header.code != 0`, status 2, no payload (spec §4.5).
 *
 * @example
 * ```ts
 * server.send(errorFrame(11200, 'AppIdNoAuthError:(12:17:04.432) tokens.total'));
 * ```
 */
export function errorFrame(
  code: number,
  message = `TestError:${code}`,
  options: FrameOptions = {},
): SparkServerFrame {
  return { header: { code, message, sid: options.sid ?? TEST_SID, status: 2 } };
}

/**
 * The single status-2 frame of a function call (spec §4.3). `args` may be an object (encoded for you)
 * or a string sent as it is (to test invalid JSON).
 */
export function functionCallFrame(
  name: string,
  args: string | Record<string, unknown>,
  options: FrameOptions & { usage?: FrameUsage | undefined } = {},
): SparkServerFrame {
  return {
    header: { code: 0, message: 'Success', sid: options.sid ?? TEST_SID, status: 2 },
    payload: {
      choices: {
        status: 2,
        seq: 0,
        text: [
          {
            content: '',
            role: 'assistant',
            content_type: 'text',
            function_call: { name, arguments: typeof args === 'string' ? args : JSON.stringify(args) },
            index: 0,
          },
        ],
      },
      usage: wireUsage({ completionTokens: 0, ...options.usage }),
    },
  };
}

/** One web-search source. */
export interface SearchSource {
  index?: number | undefined;
  url: string;
  title: string;
}

/**
 * The web-search sources frame Spark sends before the answer when `showRefLabel` is on: status 1 and
 * no `choices` (spec §4.4).
 */
export function searchResultsFrame(
  sources: readonly SearchSource[],
  options: FrameOptions = {},
): SparkServerFrame {
  const content = JSON.stringify(
    sources.map((source, position) => ({
      index: source.index ?? position + 1,
      url: source.url,
      title: source.title,
    })),
  );
  return {
    header: { code: 0, message: 'Success', sid: options.sid ?? TEST_SID, status: 1 },
    payload: {
      plugins: {
        text: [
          {
            name: 'ifly_search',
            content,
            content_type: 'text',
            content_meta: null,
            role: 'tool',
            status: 'finished',
            invoked: {
              namespace: 'ifly_search',
              plugin_id: 'ifly_search',
              status_code: 200,
              status_msg: 'Success',
            },
          },
        ],
      },
    },
  };
}
