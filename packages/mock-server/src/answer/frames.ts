import type { SparkErrorFrameSpec } from '../spark-errors.js';
import type { WireFunctionCall } from './function-call.js';
import type { MockSearchResult } from './search-results.js';

/** Token counts in the wire shape of `payload.usage.text`. */
export interface WireUsage {
  question_tokens: number;
  prompt_tokens: number;
  completion_tokens: number;
  total_tokens: number;
}

/** Fields of one streamed choices frame. */
export interface ChoicesFrameFields {
  sid: string;
  headerStatus: 0 | 1 | 2;
  choicesStatus: 0 | 1 | 2;
  seq: number;
  content?: string;
  reasoningContent?: string;
  functionCall?: WireFunctionCall;
  usage?: WireUsage;
}

/** A `choices` frame (spec §4.1, §4.3): text, reasoning or function-call delta, usage on the last one. */
export function choicesFrame(fields: ChoicesFrameFields): string {
  const item: Record<string, unknown> = { content: fields.content ?? '', role: 'assistant', index: 0 };
  if (fields.reasoningContent !== undefined) item.reasoning_content = fields.reasoningContent;
  if (fields.functionCall !== undefined) {
    item.content_type = 'text';
    item.function_call = { arguments: fields.functionCall.arguments, name: fields.functionCall.name };
  }
  const payload: Record<string, unknown> = {
    choices: { status: fields.choicesStatus, seq: fields.seq, text: [item] },
  };
  if (fields.usage !== undefined) payload.usage = { text: fields.usage };
  return JSON.stringify({
    header: { code: 0, message: 'Success', sid: fields.sid, status: fields.headerStatus },
    payload,
  });
}

/** The web-search sources frame (spec §4.4): `header.status` 1 and no `choices`. */
export function searchPluginFrame(sid: string, results: readonly MockSearchResult[]): string {
  return JSON.stringify({
    header: { code: 0, message: 'Success', sid, status: 1 },
    payload: {
      plugins: {
        text: [
          {
            name: 'ifly_search',
            content: JSON.stringify(results),
            content_type: 'text',
            content_meta: null,
            role: 'tool',
            status: 'finished',
            invoked: {
              namespace: 'ifly_search',
              plugin_id: 'ifly_search',
              plugin_ver: '',
              status_code: 200,
              status_msg: 'Success',
              type: 'local',
            },
          },
        ],
      },
    },
  });
}

/** An error frame (spec §4.5): non-zero `header.code`, `header.status` 2 and no payload. */
export function errorFrame(sid: string, error: SparkErrorFrameSpec): string {
  return JSON.stringify({ header: { code: error.code, message: error.message, sid, status: 2 } });
}
