import { type ChatMessage, type SparkModel, trimHistory, type Usage } from '@xinghuo/core';

/** What {@link Conversation.prepare} produced for one question. */
export interface PreparedTurn {
  /** The messages to send (system, kept history, the new question). */
  messages: ChatMessage[];
  /** How many old messages were dropped to fit the context window. */
  droppedCount: number;
  /** False when even the system message and the question alone exceed the budget. */
  fits: boolean;
}

const EMPTY_USAGE: Usage = { promptTokens: 0, completionTokens: 0, totalTokens: 0 };

/** The multi-turn state of `xinghuo chat`: system message, history, token usage. */
export class Conversation {
  system: string | undefined;
  private turns: ChatMessage[] = [];
  /** Usage of the last answer. */
  lastUsage: Usage | undefined;
  /** Usage summed over the session. */
  totalUsage: Usage = { ...EMPTY_USAGE };

  constructor(system?: string) {
    this.system = system;
  }

  /** Messages in the history (without the system message). */
  get length(): number {
    return this.turns.length;
  }

  /**
   * Builds the request for a new question, dropping the oldest turns (by estimated tokens, not
   * characters) so the conversation fits `model`'s context window with room for the answer.
   */
  prepare(question: string, model: SparkModel, maxTokens?: number): PreparedTurn {
    const messages: ChatMessage[] = [
      ...(this.system ? [{ role: 'system' as const, content: this.system }] : []),
      ...this.turns,
      { role: 'user', content: question },
    ];
    const trimmed = trimHistory(messages, model, {
      reserveOutputTokens: Math.min(maxTokens ?? model.defaultMaxTokens, Math.floor(model.contextWindow / 2)),
    });
    if (trimmed.dropped.length > 0) {
      // Forget the dropped turns for good, so the next question does not pay to trim them again.
      this.turns = trimmed.messages.filter((message) => message.role !== 'system').slice(0, -1);
    }
    return { messages: trimmed.messages, droppedCount: trimmed.dropped.length, fits: trimmed.fits };
  }

  /** Records a completed exchange. */
  commit(question: string, answer: string, usage: Usage): void {
    this.turns.push({ role: 'user', content: question }, { role: 'assistant', content: answer });
    this.lastUsage = usage;
    this.totalUsage = {
      promptTokens: this.totalUsage.promptTokens + usage.promptTokens,
      completionTokens: this.totalUsage.completionTokens + usage.completionTokens,
      totalTokens: this.totalUsage.totalTokens + usage.totalTokens,
    };
  }

  /** Forgets the history and the usage; keeps the system message. */
  reset(): void {
    this.turns = [];
    this.lastUsage = undefined;
    this.totalUsage = { ...EMPTY_USAGE };
  }
}
