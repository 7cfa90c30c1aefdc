import { useCallback, useEffect, useState } from 'react';
import {
  type Conversation,
  createConversation,
  removeConversation,
  startConversation,
  updateTurns,
} from '../lib/conversations';
import { loadState, type StoredState, saveState } from '../lib/storage';
import type { PlaygroundSettings, Turn } from '../types';

/** Changes the turns of one conversation (by id, so a streaming answer lands where it was asked). */
export type UpdateTurns = (conversationId: string, update: (turns: Turn[]) => Turn[]) => void;

/**
 * Settings and saved conversations, loaded from localStorage once and saved on every change.
 * Every change goes through a state updater, so streamed deltas are never lost to a stale copy.
 */
export function useConversations() {
  const [initial] = useState<StoredState>(() => loadState());
  const [settings, setSettings] = useState<PlaygroundSettings>(initial.settings);
  const [conversations, setConversations] = useState<Conversation[]>(initial.conversations);
  const [activeId, setActiveId] = useState(initial.activeId);

  useEffect(() => {
    saveState({ settings, conversations, activeId });
  }, [settings, conversations, activeId]);

  // A removed active conversation falls back to the newest one.
  const active = conversations.find((conversation) => conversation.id === activeId) ?? conversations[0]!;

  const update = useCallback<UpdateTurns>((conversationId, change) => {
    setConversations((current) => updateTurns(current, conversationId, change));
  }, []);
  const startNew = useCallback(() => {
    const fresh = createConversation();
    setConversations((current) => startConversation(current, fresh));
    setActiveId(fresh.id);
  }, []);
  const remove = useCallback((conversationId: string) => {
    setConversations((current) => removeConversation(current, conversationId));
  }, []);

  return {
    settings,
    setSettings,
    conversations,
    active,
    select: setActiveId,
    startNew,
    remove,
    updateTurns: update,
  };
}
