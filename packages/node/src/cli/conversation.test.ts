import { resolveModel } from '@xinghuo/core';
import { describe, expect, it } from 'vitest';
import { Conversation } from './conversation';

const usage = { promptTokens: 1, completionTokens: 2, totalTokens: 3 };

describe('Conversation', () => {
  it('sends the system message, the history and the question, and sums usage', () => {
    const conversation = new Conversation('be brief');
    conversation.commit('q1', 'a1', usage);
    conversation.commit('q2', 'a2', usage);
    const prepared = conversation.prepare('q3', resolveModel('max'));
    expect(prepared.messages.map((message) => message.content)).toEqual([
      'be brief',
      'q1',
      'a1',
      'q2',
      'a2',
      'q3',
    ]);
    expect(prepared.droppedCount).toBe(0);
    expect(conversation.totalUsage.totalTokens).toBe(6);
  });

  it('drops the oldest whole turns by tokens and forgets them', () => {
    const conversation = new Conversation('system');
    const long = '长'.repeat(4000);
    conversation.commit(long, 'a1', usage);
    conversation.commit('q2', 'a2', usage);
    const prepared = conversation.prepare(long, resolveModel('lite'));
    expect(prepared.droppedCount).toBe(2);
    expect(prepared.messages[0]).toEqual({ role: 'system', content: 'system' });
    expect(prepared.messages.slice(1).map((message) => message.content)).toEqual(['q2', 'a2', long]);
    expect(conversation.length).toBe(2);
  });

  it('resets history and usage but keeps the system message', () => {
    const conversation = new Conversation('system');
    conversation.commit('q', 'a', usage);
    conversation.reset();
    expect(conversation.length).toBe(0);
    expect(conversation.lastUsage).toBeUndefined();
    expect(conversation.system).toBe('system');
  });
});
