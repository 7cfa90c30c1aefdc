import type { Turn } from '../types';
import { createId } from './create-id';

/** One saved conversation. */
export interface Conversation {
  id: string;
  /** From the first question; empty until there is one (the list shows "New chat" in the UI language). */
  title: string;
  turns: Turn[];
  /** Milliseconds since the epoch of the last change; the list is newest first. */
  updatedAt: number;
}

/** Oldest conversations beyond this are forgotten, so localStorage (about 5 MB) never fills up. */
export const MAX_CONVERSATIONS = 30;

/** The title of a conversation: its first question on one line, at most 40 characters; empty before. */
export function titleOf(turns: readonly Turn[]): string {
  const question = turns
    .find((turn) => turn.role === 'user')
    ?.content.replace(/\s+/g, ' ')
    .trim();
  if (!question) return '';
  const characters = Array.from(question);
  return characters.length > 40 ? `${characters.slice(0, 40).join('')}…` : question;
}

/** A new, empty conversation. */
export function createConversation(now = Date.now()): Conversation {
  return { id: createId(), title: '', turns: [], updatedAt: now };
}

/**
 * Applies `update` to the turns of conversation `id`, retitles it and moves it to the top. Answers
 * keep streaming into the conversation they were asked in, even after the user switched away.
 */
export function updateTurns(
  conversations: readonly Conversation[],
  id: string,
  update: (turns: Turn[]) => Turn[],
  now = Date.now(),
): Conversation[] {
  const target = conversations.find((conversation) => conversation.id === id);
  if (!target) return [...conversations];
  const turns = update(target.turns);
  if (turns === target.turns) return [...conversations];
  const updated = { ...target, turns, title: titleOf(turns), updatedAt: now };
  return [updated, ...conversations.filter((conversation) => conversation.id !== id)];
}

/**
 * Puts `fresh` at the top of the list, drops other conversations that are still empty (so "New chat"
 * twice does not pile up blanks) and forgets the oldest beyond {@link MAX_CONVERSATIONS}.
 */
export function startConversation(
  conversations: readonly Conversation[],
  fresh: Conversation,
): Conversation[] {
  const kept = conversations.filter((conversation) => conversation.turns.length > 0);
  return [fresh, ...kept].slice(0, MAX_CONVERSATIONS);
}

/** Removes a conversation; the list never becomes empty. */
export function removeConversation(
  conversations: readonly Conversation[],
  id: string,
  now = Date.now(),
): Conversation[] {
  const remaining = conversations.filter((conversation) => conversation.id !== id);
  return remaining.length > 0 ? remaining : [createConversation(now)];
}
