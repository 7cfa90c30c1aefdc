import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, loadState, parseStoredState, STORAGE_KEY, saveState } from './storage';

describe('stored state', () => {
  it('round-trips settings and conversations through a storage', () => {
    const store = new Map<string, string>();
    const storage = {
      getItem: (key: string) => store.get(key) ?? null,
      setItem: (key: string, value: string) => store.set(key, value),
    };
    const turns = [{ id: 'u1', role: 'user' as const, content: 'hi' }];
    const state = {
      settings: { ...DEFAULT_SETTINGS, model: 'max-32k' },
      conversations: [
        { id: 'c2', title: 'hi', turns, updatedAt: 2 },
        { id: 'c1', title: 'New chat', turns: [], updatedAt: 1 },
      ],
      activeId: 'c1',
    };
    saveState(state, storage);
    expect(store.has(STORAGE_KEY)).toBe(true);
    expect(loadState(storage)).toEqual(state);
  });

  it('falls back to defaults for missing or corrupt data and drops malformed entries', () => {
    const fresh = parseStoredState(null);
    expect(fresh.settings).toEqual(DEFAULT_SETTINGS);
    expect(fresh.conversations).toHaveLength(1);
    expect(fresh.activeId).toBe(fresh.conversations[0]!.id);
    expect(parseStoredState('{not json').conversations[0]!.turns).toEqual([]);

    const parsed = parseStoredState(
      JSON.stringify({
        settings: { topK: 2 },
        conversations: [
          null,
          { id: 7 },
          { id: 'c', turns: [{ id: 1 }, { id: 'u', role: 'user', content: 'x' }] },
        ],
        activeId: 'gone',
      }),
    );
    expect(parsed.settings).toEqual({ ...DEFAULT_SETTINGS, topK: 2 });
    expect(parsed.conversations).toEqual([
      { id: 'c', title: 'x', turns: [{ id: 'u', role: 'user', content: 'x' }], updatedAt: 0 },
    ]);
    expect(parsed.activeId).toBe('c');
  });

  it('shows an answer that was streaming when the page closed as stopped', () => {
    const raw = JSON.stringify({
      conversations: [
        {
          id: 'c',
          turns: [{ id: 'a', role: 'assistant', content: 'part', status: 'streaming', model: 'lite' }],
        },
      ],
    });
    expect(parseStoredState(raw).conversations[0]!.turns[0]).toMatchObject({
      status: 'stopped',
      content: 'part',
    });
  });

  it('survives a storage that throws', () => {
    const broken = {
      getItem: () => {
        throw new Error('denied');
      },
      setItem: () => {
        throw new Error('quota');
      },
    };
    expect(loadState(broken).conversations).toHaveLength(1);
    expect(() => saveState(parseStoredState(null), broken)).not.toThrow();
  });
});
