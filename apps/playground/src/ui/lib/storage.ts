import type { PlaygroundSettings, Turn } from '../types';

/** The localStorage key; bump the version suffix when the stored shape changes incompatibly. */
export const STORAGE_KEY = 'xinghuo-playground:v1';

/** What the page keeps between visits. */
export interface StoredState {
  settings: PlaygroundSettings;
  turns: Turn[];
}

/** The function the functions panel starts with: the mock answers it when a question names it. */
export const DEFAULT_FUNCTIONS_JSON = JSON.stringify(
  [
    {
      name: 'get_weather',
      description: 'Get the current weather for a city',
      parameters: {
        type: 'object',
        properties: { location: { type: 'string', description: 'City name, e.g. 合肥' } },
        required: ['location'],
      },
    },
  ],
  null,
  2,
);

/** Settings of a first visit. */
export const DEFAULT_SETTINGS: PlaygroundSettings = {
  model: 'lite',
  temperature: 0.5,
  maxTokens: 1024,
  topK: 4,
  systemPrompt: '',
  webSearch: false,
  functionsEnabled: false,
  functionsJson: DEFAULT_FUNCTIONS_JSON,
};

/**
 * Reads the stored state, falling back to defaults for anything missing or unreadable. An answer
 * that was still streaming when the page closed is shown as stopped.
 */
export function parseStoredState(raw: string | null): StoredState {
  if (!raw) return { settings: { ...DEFAULT_SETTINGS }, turns: [] };
  try {
    const parsed = JSON.parse(raw) as Partial<StoredState>;
    const settings = { ...DEFAULT_SETTINGS, ...(typeof parsed.settings === 'object' ? parsed.settings : {}) };
    const turns = Array.isArray(parsed.turns) ? parsed.turns.filter(isTurn).map(settleTurn) : [];
    return { settings, turns };
  } catch {
    return { settings: { ...DEFAULT_SETTINGS }, turns: [] };
  }
}

function isTurn(value: unknown): value is Turn {
  if (typeof value !== 'object' || value === null) return false;
  const turn = value as Partial<Turn>;
  return (
    typeof turn.id === 'string' &&
    typeof turn.content === 'string' &&
    (turn.role === 'user' || turn.role === 'assistant')
  );
}

function settleTurn(turn: Turn): Turn {
  return turn.role === 'assistant' && turn.status === 'streaming' ? { ...turn, status: 'stopped' } : turn;
}

/** Loads from localStorage (which may be unavailable, e.g. in some private modes). */
export function loadState(
  storage: Pick<Storage, 'getItem'> | undefined = globalThis.localStorage,
): StoredState {
  try {
    return parseStoredState(storage?.getItem(STORAGE_KEY) ?? null);
  } catch {
    return parseStoredState(null);
  }
}

/** Saves to localStorage; a full or unavailable storage only loses persistence, never the page. */
export function saveState(
  state: StoredState,
  storage: Pick<Storage, 'setItem'> | undefined = globalThis.localStorage,
): void {
  try {
    storage?.setItem(STORAGE_KEY, JSON.stringify(state));
  } catch {
    // Quota exceeded or storage disabled: the conversation still works, it just is not kept.
  }
}
