import { PLAYGROUND_PROTOCOLS, type PlaygroundSettings, type Turn } from '../types';
import { type Conversation, createConversation, MAX_CONVERSATIONS, titleOf } from './conversations';
import { storedTurn } from './stored-turn';

/** The localStorage key; bump the version suffix when the stored shape changes incompatibly. */
export const STORAGE_KEY = 'xinghuo-playground:v1';

/** What the page keeps between visits. */
export interface StoredState {
  settings: PlaygroundSettings;
  /** Newest first; never empty. */
  conversations: Conversation[];
  /** The conversation on screen. */
  activeId: string;
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
  protocol: 'ws',
};

function defaultState(): StoredState {
  const conversation = createConversation();
  return { settings: { ...DEFAULT_SETTINGS }, conversations: [conversation], activeId: conversation.id };
}

/**
 * Reads the stored state, falling back to defaults for anything missing or unreadable. Malformed
 * turns and conversations are dropped, and every turn is rebuilt field by field (see storedTurn);
 * an answer that was still streaming when the page closed is shown as stopped.
 */
export function parseStoredState(raw: string | null): StoredState {
  if (!raw) return defaultState();
  try {
    const parsed = JSON.parse(raw) as Partial<StoredState>;
    const settings = storedSettings(parsed.settings);
    const conversations = (Array.isArray(parsed.conversations) ? parsed.conversations : [])
      .filter(isRecord)
      .filter((conversation) => typeof conversation.id === 'string' && Array.isArray(conversation.turns))
      .map((conversation): Conversation => {
        const turns = (conversation.turns as unknown[])
          .map(storedTurn)
          .filter((turn): turn is Turn => turn !== undefined);
        const updatedAt = typeof conversation.updatedAt === 'number' ? conversation.updatedAt : 0;
        return { id: conversation.id as string, title: titleOf(turns), turns, updatedAt };
      })
      .slice(0, MAX_CONVERSATIONS);
    if (conversations.length === 0) return { ...defaultState(), settings };
    const activeId = conversations.some((conversation) => conversation.id === parsed.activeId)
      ? (parsed.activeId as string)
      : conversations[0]!.id;
    return { settings, conversations, activeId };
  } catch {
    return defaultState();
  }
}

/** Stored settings over the defaults, each kept only when it has the default's type. */
function storedSettings(value: unknown): PlaygroundSettings {
  const settings: PlaygroundSettings = { ...DEFAULT_SETTINGS };
  if (!isRecord(value)) return settings;
  for (const key of Object.keys(DEFAULT_SETTINGS) as (keyof PlaygroundSettings)[]) {
    const stored = value[key];
    const valid = typeof stored === 'number' ? Number.isFinite(stored) : stored !== undefined;
    if (valid && typeof stored === typeof DEFAULT_SETTINGS[key]) Object.assign(settings, { [key]: stored });
  }
  if (!PLAYGROUND_PROTOCOLS.includes(settings.protocol)) settings.protocol = DEFAULT_SETTINGS.protocol;
  return settings;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
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
