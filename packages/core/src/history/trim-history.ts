/**
 * Token-budgeted history trimming (DESIGN §3). Unlike the widespread "delete messages[0] while the
 * character count is too large" recipe, it never drops the system message, never drops the question
 * being asked, drops whole turns (a user message and the replies after it) oldest first, and never
 * leaves an assistant message first.
 */
import { SparkConfigError, SparkInvalidRequestError } from '../errors/error-classes';
import type { SparkModelId } from '../models/model-id';
import { type CustomModel, resolveModel, type SparkModel } from '../models/models';
import type { ChatMessage } from '../types';
import { estimateTokens } from './estimate-tokens';
import type { TrimHistoryOptions } from './trim-history-options';

export type { TrimHistoryOptions } from './trim-history-options';

/** What {@link trimHistory} kept and dropped. */
export interface TrimHistoryResult {
  /** The messages to send: the system message (if any), then the newest turns that fit, in order. */
  messages: ChatMessage[];
  /** The removed messages, oldest first. */
  dropped: ChatMessage[];
  /** Estimated tokens of `messages`. */
  estimatedTokens: number;
  /** The input budget that was applied. */
  budget: number;
  /** Whether `estimatedTokens <= budget`. False only when the system message and the last turn alone exceed it. */
  fits: boolean;
}

const DEFAULT_MESSAGE_OVERHEAD_TOKENS = 3;

function checkCount(value: number | undefined, name: string, minimum: number): number | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'number' || !Number.isFinite(value) || value < minimum) {
    throw new SparkConfigError(
      `trimHistory: \`${name}\` must be a number ≥ ${minimum} (got ${String(value)}).`,
    );
  }
  return value;
}

function computeBudget(model: SparkModel, options: TrimHistoryOptions): number {
  const maxInputTokens = checkCount(options.maxInputTokens, 'maxInputTokens', 1);
  const reserveOutputTokens = checkCount(options.reserveOutputTokens, 'reserveOutputTokens', 0);
  if (maxInputTokens !== undefined && reserveOutputTokens === undefined) return maxInputTokens;
  const reserve =
    reserveOutputTokens ?? Math.min(model.defaultMaxTokens, Math.floor(model.contextWindow / 2));
  const windowBudget = model.contextWindow - reserve;
  return maxInputTokens === undefined ? windowBudget : Math.min(maxInputTokens, windowBudget);
}

/**
 * Drops the oldest whole turns until the conversation fits the model's input budget.
 *
 * Keeps the leading system message and the latest user turn whatever their size (then `fits` is
 * false). Each message is estimated exactly once and the cut is found with running sums, so the cost
 * is linear in the number of messages.
 *
 * @param messages - the conversation, oldest first
 * @param model - a registry id, alias, custom model or resolved model (for `contextWindow`)
 * @param options - budget, reserve and estimator
 * @throws SparkInvalidRequestError when `messages` is not an array of `{ role, content }`
 * @example
 * ```ts
 * const { messages: kept, dropped } = trimHistory(history, 'lite');
 * await client.chat({ model: 'lite', messages: kept });
 * ```
 */
export function trimHistory(
  messages: readonly ChatMessage[],
  model: SparkModelId | CustomModel | SparkModel,
  options: TrimHistoryOptions = {},
): TrimHistoryResult {
  const resolved = resolveModel(model);
  const budget = computeBudget(resolved, options);
  const estimator = options.estimator ?? estimateTokens;
  const overhead =
    checkCount(options.messageOverheadTokens, 'messageOverheadTokens', 0) ?? DEFAULT_MESSAGE_OVERHEAD_TOKENS;
  if (!Array.isArray(messages)) {
    throw new SparkInvalidRequestError('trimHistory expects an array of messages.', { field: 'messages' });
  }

  const costs = new Array<number>(messages.length);
  let total = 0;
  let lastUser = -1;
  for (let index = 0; index < messages.length; index++) {
    const message = messages[index];
    if (typeof message !== 'object' || message === null || typeof message.content !== 'string') {
      throw new SparkInvalidRequestError(
        `messages[${index}] must be { role, content } with a string content.`,
        {
          field: `messages[${index}]`,
        },
      );
    }
    const cost = estimator(message.content);
    if (typeof cost !== 'number' || !Number.isFinite(cost) || cost < 0) {
      throw new SparkConfigError(
        `trimHistory: the estimator returned ${String(cost)}; it must return a number ≥ 0.`,
      );
    }
    costs[index] = cost + overhead;
    total += cost + overhead;
    if (message.role === 'user') lastUser = index;
  }

  const start = messages[0]?.role === 'system' ? 1 : 0;
  const systemCost = start === 1 ? costs[0]! : 0;
  // Candidate cuts are the user messages up to the last one; cutting before the first that fits keeps
  // the most history. `remaining` is the cost of messages[index…], maintained while scanning forward.
  let cut = lastUser === -1 ? messages.length : lastUser;
  let remaining = total - systemCost;
  for (let index = start; index <= lastUser; index++) {
    if (messages[index]!.role === 'user' && systemCost + remaining <= budget) {
      cut = index;
      break;
    }
    remaining -= costs[index]!;
  }
  let keptCost = systemCost;
  for (let index = cut; index < messages.length; index++) keptCost += costs[index]!;

  const kept = start === 1 ? [messages[0]!, ...messages.slice(cut)] : messages.slice(cut);
  const estimatedTokens = Math.ceil(keptCost);
  return {
    messages: kept,
    dropped: messages.slice(start, cut),
    estimatedTokens,
    budget,
    fits: keptCost <= budget,
  };
}
