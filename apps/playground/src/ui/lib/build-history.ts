import type { ChatMessage } from '@xinghuo/browser';
import type { AssistantTurn, Turn } from '../types';

/** The messages to send, with the turn each one came from (`undefined` for the system prompt and the draft). */
export interface History {
  messages: ChatMessage[];
  turnIds: (string | undefined)[];
}

/** What an answered turn contributes to the history; a function call is described in words. */
function answerText(turn: AssistantTurn): string | undefined {
  if (turn.status !== 'done' && turn.status !== 'stopped') return undefined;
  if (turn.content.trim() !== '') return turn.content;
  if (turn.functionCall) return `[function call] ${turn.functionCall.name}(${turn.functionCall.arguments})`;
  return undefined;
}

/**
 * Turns the conversation into a valid Spark history: the system prompt first, then only complete
 * question/answer pairs (a failed or empty answer drops its question too, so user and assistant keep
 * alternating), then the new question.
 */
export function buildHistory(turns: readonly Turn[], systemPrompt: string, nextQuestion: string): History {
  const messages: ChatMessage[] = [];
  const turnIds: (string | undefined)[] = [];
  if (systemPrompt.trim() !== '') {
    messages.push({ role: 'system', content: systemPrompt });
    turnIds.push(undefined);
  }
  for (let index = 0; index < turns.length - 1; index += 1) {
    const question = turns[index];
    const answer = turns[index + 1];
    if (question?.role !== 'user' || answer?.role !== 'assistant') continue;
    const text = answerText(answer);
    if (text === undefined) continue;
    messages.push({ role: 'user', content: question.content }, { role: 'assistant', content: text });
    turnIds.push(question.id, answer.id);
    index += 1;
  }
  messages.push({ role: 'user', content: nextQuestion });
  turnIds.push(undefined);
  return { messages, turnIds };
}
