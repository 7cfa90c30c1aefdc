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
        { id: 'c1', title: '', turns: [], updatedAt: 1 },
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

  it('drops stored fields of the wrong shape instead of crashing the page on every load', () => {
    const raw = JSON.stringify({
      settings: { temperature: 'hot', maxTokens: null, topK: 3, model: 42, webSearch: 'yes' },
      conversations: [
        {
          id: 'c1',
          turns: [
            { id: 'u1', role: 'user', content: 'q', extra: '<style>' },
            {
              id: 'a1',
              role: 'assistant',
              content: 'answer',
              status: 'exploded',
              model: { name: 'lite' },
              searchResults: 'not a list',
              functionCall: { name: 1 },
              stats: { usage: 5, sid: 7, totalMs: 12 },
              error: 'boom',
            },
            {
              id: 'a2',
              role: 'assistant',
              content: 'x',
              status: 'error',
              model: 'lite',
              error: { code: 'timeout' },
            },
          ],
        },
      ],
    });
    const state = parseStoredState(raw);
    expect(state.settings).toEqual({ ...DEFAULT_SETTINGS, topK: 3 });
    const [question, answer, failed] = state.conversations[0]!.turns;
    expect(question).toEqual({ id: 'u1', role: 'user', content: 'q' });
    expect(answer).toEqual({
      id: 'a1',
      role: 'assistant',
      content: 'answer',
      status: 'done',
      model: '',
      searchResults: undefined,
      stats: { totalMs: 12 },
    });
    expect(failed).toMatchObject({
      status: 'error',
      error: { code: 'timeout', hint: '', message: '', retryable: false },
    });
  });

  it('keeps the protocol and the tool results of an HTTP answer, and refuses an unknown protocol', () => {
    const turns = [
      { id: 'u1', role: 'user', content: 'weather?' },
      {
        id: 'a1',
        role: 'assistant',
        content: 'sunny',
        status: 'done',
        model: 'generalv3.5',
        toolResults: [{ name: 'get_weather', content: '{"celsius":20}' }, { name: 3 }, 'junk'],
      },
    ];
    const stored = (protocol: unknown) =>
      parseStoredState(JSON.stringify({ settings: { protocol }, conversations: [{ id: 'c1', turns }] }));
    const http = stored('http');
    expect(http.settings.protocol).toBe('http');
    expect(http.conversations[0]?.turns[1]).toMatchObject({
      toolResults: [{ name: 'get_weather', content: '{"celsius":20}' }],
    });
    expect(stored('ftp').settings.protocol).toBe('ws');
    expect(stored(7).settings.protocol).toBe('ws');
  });
});
