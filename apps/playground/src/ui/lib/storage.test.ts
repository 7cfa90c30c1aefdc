import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, loadState, parseStoredState, STORAGE_KEY, saveState } from './storage';

describe('stored state', () => {
  it('round-trips settings and turns through a storage', () => {
    const store = new Map<string, string>();
    const storage = {
      getItem: (key: string) => store.get(key) ?? null,
      setItem: (key: string, value: string) => store.set(key, value),
    };
    const state = {
      settings: { ...DEFAULT_SETTINGS, model: 'max-32k' },
      turns: [{ id: 'u1', role: 'user' as const, content: 'hi' }],
    };
    saveState(state, storage);
    expect(store.has(STORAGE_KEY)).toBe(true);
    expect(loadState(storage)).toEqual(state);
  });

  it('falls back to defaults for missing or corrupt data and drops malformed turns', () => {
    expect(parseStoredState(null).settings).toEqual(DEFAULT_SETTINGS);
    expect(parseStoredState('{not json').turns).toEqual([]);
    const parsed = parseStoredState(
      JSON.stringify({
        settings: { topK: 2 },
        turns: [{ id: 1 }, null, { id: 'u', role: 'user', content: 'x' }],
      }),
    );
    expect(parsed.settings).toEqual({ ...DEFAULT_SETTINGS, topK: 2 });
    expect(parsed.turns).toEqual([{ id: 'u', role: 'user', content: 'x' }]);
  });

  it('shows an answer that was streaming when the page closed as stopped', () => {
    const raw = JSON.stringify({
      turns: [{ id: 'a', role: 'assistant', content: 'part', status: 'streaming', model: 'lite' }],
    });
    expect(parseStoredState(raw).turns[0]).toMatchObject({ status: 'stopped', content: 'part' });
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
    expect(loadState(broken).turns).toEqual([]);
    expect(() => saveState(parseStoredState(null), broken)).not.toThrow();
  });
});
