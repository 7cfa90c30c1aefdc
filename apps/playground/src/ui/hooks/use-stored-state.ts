import { useEffect, useState } from 'react';
import { loadState, type StoredState, saveState } from '../lib/storage';
import type { PlaygroundSettings, Turn } from '../types';

/** Settings and conversation, loaded from localStorage once and saved on every change. */
export function useStoredState() {
  const [initial] = useState<StoredState>(() => loadState());
  const [settings, setSettings] = useState<PlaygroundSettings>(initial.settings);
  const [turns, setTurns] = useState<Turn[]>(initial.turns);

  useEffect(() => {
    saveState({ settings, turns });
  }, [settings, turns]);

  return { settings, setSettings, turns, setTurns };
}
