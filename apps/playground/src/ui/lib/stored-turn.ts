import type { AnswerStats, AnswerStatus, AssistantTurn, ErrorInfo, Turn } from '../types';

/**
 * Rebuilds a turn read from localStorage field by field. Stored data is as untrusted as the model
 * output it holds (another tab, an older version or a hand-edited entry wrote it): a field of the
 * wrong shape is dropped instead of crashing the page on every load. Text is kept as text; it is
 * sanitized when rendered, like a fresh answer.
 */
export function storedTurn(value: unknown): Turn | undefined {
  if (!isRecord(value) || typeof value.id !== 'string' || typeof value.content !== 'string') return undefined;
  if (value.role === 'user') return { id: value.id, role: 'user', content: value.content };
  if (value.role !== 'assistant') return undefined;
  const turn: AssistantTurn = {
    id: value.id,
    role: 'assistant',
    content: value.content,
    // An answer still streaming when the page closed is shown as stopped.
    status: value.status === 'streaming' ? 'stopped' : statusOf(value.status),
    model: typeof value.model === 'string' ? value.model : '',
  };
  if (typeof value.reasoning === 'string') turn.reasoning = value.reasoning;
  const call = value.functionCall;
  if (isRecord(call) && typeof call.name === 'string' && typeof call.arguments === 'string') {
    turn.functionCall = {
      name: call.name,
      arguments: call.arguments,
      parsedArguments: call.parsedArguments,
      parseError: typeof call.parseError === 'string' ? call.parseError : undefined,
    };
  }
  if (Array.isArray(value.toolResults)) {
    turn.toolResults = value.toolResults
      .filter(isRecord)
      .filter((result) => typeof result.name === 'string' && typeof result.content === 'string')
      .map((result) => ({ name: result.name as string, content: result.content as string }));
  }
  if (Array.isArray(value.searchResults)) {
    turn.searchResults = value.searchResults
      .filter(isRecord)
      .filter((result) => typeof result.url === 'string' && typeof result.title === 'string')
      .map((result, position) => ({
        index: typeof result.index === 'number' ? result.index : position + 1,
        url: result.url as string,
        title: result.title as string,
      }));
  }
  const stats = statsOf(value.stats);
  if (stats) turn.stats = stats;
  const error = errorOf(value.error);
  if (error) turn.error = error;
  return turn;
}

const STATUSES: readonly AnswerStatus[] = ['done', 'stopped', 'error'];

function statusOf(value: unknown): AnswerStatus {
  return STATUSES.find((status) => status === value) ?? 'done';
}

function statsOf(value: unknown): AnswerStats | undefined {
  if (!isRecord(value)) return undefined;
  const stats: AnswerStats = {};
  const { usage } = value;
  if (
    isRecord(usage) &&
    isNumber(usage.promptTokens) &&
    isNumber(usage.completionTokens) &&
    isNumber(usage.totalTokens)
  ) {
    stats.usage = {
      promptTokens: usage.promptTokens,
      completionTokens: usage.completionTokens,
      totalTokens: usage.totalTokens,
    };
  }
  if (typeof value.sid === 'string') stats.sid = value.sid;
  if (isNumber(value.timeToFirstTokenMs)) stats.timeToFirstTokenMs = value.timeToFirstTokenMs;
  if (isNumber(value.tokensPerSecond)) stats.tokensPerSecond = value.tokensPerSecond;
  if (isNumber(value.totalMs)) stats.totalMs = value.totalMs;
  return stats;
}

function errorOf(value: unknown): ErrorInfo | undefined {
  if (!isRecord(value) || typeof value.code !== 'string') return undefined;
  return {
    code: value.code,
    sparkCode: isNumber(value.sparkCode) ? value.sparkCode : undefined,
    meaning: typeof value.meaning === 'string' ? value.meaning : undefined,
    hint: typeof value.hint === 'string' ? value.hint : '',
    message: typeof value.message === 'string' ? value.message : '',
    sid: typeof value.sid === 'string' ? value.sid : undefined,
    retryable: value.retryable === true,
  };
}

function isNumber(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
