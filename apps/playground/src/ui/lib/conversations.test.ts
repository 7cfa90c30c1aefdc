import { describe, expect, it } from 'vitest';
import type { Turn } from '../types';
import {
  type Conversation,
  createConversation,
  MAX_CONVERSATIONS,
  removeConversation,
  startConversation,
  titleOf,
  updateTurns,
} from './conversations';

const question = (content: string): Turn => ({ id: `u-${content}`, role: 'user', content });
const withTurns = (id: string, turns: Turn[]): Conversation => ({
  id,
  title: titleOf(turns),
  turns,
  updatedAt: 0,
});

describe('conversations', () => {
  it('titles a conversation by its first question, on one line and shortened', () => {
    expect(titleOf([])).toBe('');
    expect(titleOf([question('  你好\n世界 ')])).toBe('你好 世界');
    expect(titleOf([question('长'.repeat(50))])).toBe(`${'长'.repeat(40)}…`);
  });

  it('updates one conversation by id and moves it to the top', () => {
    const list = [withTurns('a', [question('one')]), withTurns('b', [question('two')])];
    const next = updateTurns(list, 'b', (turns) => [...turns, question('three')], 5);
    expect(next.map((conversation) => conversation.id)).toEqual(['b', 'a']);
    expect(next[0]).toMatchObject({ title: 'two', updatedAt: 5 });
    expect(next[0]!.turns.map((turn) => turn.content)).toEqual(['two', 'three']);
    expect(updateTurns(list, 'missing', () => [])).toEqual(list);
  });

  it('starts a new conversation on top, without piling up empty ones, within the limit', () => {
    const empty = createConversation(1);
    const full = Array.from({ length: MAX_CONVERSATIONS }, (_, index) =>
      withTurns(`c${index}`, [question(`${index}`)]),
    );
    const fresh = createConversation(2);
    const next = startConversation([empty, ...full], fresh);
    expect(next[0]).toBe(fresh);
    expect(next).toHaveLength(MAX_CONVERSATIONS);
    expect(next.some((conversation) => conversation.id === empty.id)).toBe(false);
  });

  it('never leaves the list empty after a removal', () => {
    const only = withTurns('a', [question('x')]);
    const next = removeConversation([only], 'a');
    expect(next).toHaveLength(1);
    expect(next[0]!.id).not.toBe('a');
    expect(
      removeConversation([only, withTurns('b', [])], 'a').map((conversation) => conversation.id),
    ).toEqual(['b']);
  });
});
