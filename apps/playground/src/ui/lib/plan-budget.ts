import { type SparkModel, trimHistory } from '@xinghuo/browser';
import type { History } from './build-history';

/** How the history fits the model's context window, and which turns trimming would drop. */
export interface BudgetPlan {
  /** Estimated input tokens after trimming. */
  estimatedTokens: number;
  /** Input tokens available: the context window minus the reserved answer tokens. */
  budget: number;
  /** Whether the trimmed history fits the budget. */
  fits: boolean;
  /** Ids of the turns that trimming drops (the oldest ones). */
  droppedTurnIds: ReadonlySet<string>;
}

/**
 * Runs the SDK's own `trimHistory` on the history the next request would send, reserving
 * `maxTokens` for the answer, so the page greys out exactly the turns the request will drop.
 */
export function planBudget(history: History, model: SparkModel, maxTokens: number): BudgetPlan {
  const result = trimHistory(history.messages, model, { reserveOutputTokens: maxTokens });
  // trimHistory drops whole turns from the oldest end, never the system message, so the dropped
  // messages are the first non-system entries of the history, in order.
  const droppedTurnIds = new Set<string>();
  let remaining = result.dropped.length;
  history.messages.forEach((message, index) => {
    if (remaining === 0 || message.role === 'system') return;
    const turnId = history.turnIds[index];
    if (turnId !== undefined) droppedTurnIds.add(turnId);
    remaining -= 1;
  });
  return {
    estimatedTokens: result.estimatedTokens,
    budget: result.budget,
    fits: result.fits,
    droppedTurnIds,
  };
}
