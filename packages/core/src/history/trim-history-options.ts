/**
 * The options of history trimming, apart from the trimming itself so the public request types can
 * name them without importing the algorithm.
 */
import type { TokenEstimator } from './estimate-tokens';

/** Options of `trimHistory`. */
export interface TrimHistoryOptions {
  /**
   * The input budget in tokens. Defaults to the model's `contextWindow` minus `reserveOutputTokens`.
   * When given on its own, nothing is reserved on top of it; when given together with
   * `reserveOutputTokens`, the smaller of it and `contextWindow − reserveOutputTokens` applies.
   */
  maxInputTokens?: number | undefined;
  /** Tokens kept free for the answer. Defaults to `min(model.defaultMaxTokens, floor(contextWindow / 2))`. */
  reserveOutputTokens?: number | undefined;
  /** Counts the tokens of one message content. Defaults to `estimateTokens`. */
  estimator?: TokenEstimator | undefined;
  /** Tokens added per message for its role framing. Defaults to 3. */
  messageOverheadTokens?: number | undefined;
}
