import { describe, expect, it } from 'vitest';
import type { Turn } from '../types';
import { buildHistory } from './build-history';

const user = (id: string, content: string): Turn => ({ id, role: 'user', content });
const answer = (id: string, content: string, status: 'done' | 'stopped' | 'error' = 'done'): Turn => ({
  id,
  role: 'assistant',
  content,
  status,
  model: 'lite',
});

describe('buildHistory', () => {
  it('puts the system prompt first and the new question last', () => {
    const history = buildHistory([user('u1', 'hi'), answer('a1', 'hello')], 'Be brief.', 'next');
    expect(history.messages).toEqual([
      { role: 'system', content: 'Be brief.' },
      { role: 'user', content: 'hi' },
      { role: 'assistant', content: 'hello' },
      { role: 'user', content: 'next' },
    ]);
    expect(history.turnIds).toEqual([undefined, 'u1', 'a1', undefined]);
  });

  it('leaves out failed and empty answers together with their questions, so roles keep alternating', () => {
    const turns = [
      user('u1', 'one'),
      answer('a1', '', 'error'),
      user('u2', 'two'),
      answer('a2', 'partial', 'stopped'),
      user('u3', 'three'),
      answer('a3', '', 'done'),
    ];
    const history = buildHistory(turns, '  ', 'four');
    expect(history.messages.map((message) => message.role)).toEqual(['user', 'assistant', 'user']);
    expect(history.turnIds).toEqual(['u2', 'a2', undefined]);
  });

  it('describes a function-call answer in words instead of dropping it', () => {
    const call: Turn = {
      ...answer('a1', ''),
      functionCall: { name: 'get_weather', arguments: '{"location":"合肥"}' },
    } as Turn;
    const history = buildHistory([user('u1', 'weather?'), call], '', 'thanks');
    expect(history.messages[1]).toEqual({
      role: 'assistant',
      content: '[function call] get_weather({"location":"合肥"})',
    });
  });
});
