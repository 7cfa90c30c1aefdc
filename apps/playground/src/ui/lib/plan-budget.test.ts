import { resolveModel } from '@xinghuo/browser';
import { describe, expect, it } from 'vitest';
import type { Turn } from '../types';
import { buildHistory } from './build-history';
import { planBudget } from './plan-budget';

const lite = resolveModel('lite');

function conversation(pairs: number, questionLength: number): Turn[] {
  const turns: Turn[] = [];
  for (let index = 0; index < pairs; index += 1) {
    turns.push({ id: `u${index}`, role: 'user', content: '问'.repeat(questionLength) });
    turns.push({ id: `a${index}`, role: 'assistant', content: '答', status: 'done', model: 'lite' });
  }
  return turns;
}

describe('planBudget', () => {
  it('drops nothing when the history fits', () => {
    const plan = planBudget(buildHistory(conversation(2, 10), 'system', 'next'), lite, 1024);
    expect(plan.droppedTurnIds.size).toBe(0);
    expect(plan.fits).toBe(true);
    expect(plan.budget).toBe(lite.contextWindow - 1024);
  });

  it('names the oldest turns that trimming drops and keeps the newest', () => {
    // Each question is about 1,700 tokens (2,500 CJK characters); the budget is 8,192 − 4,096, room for two.
    const plan = planBudget(buildHistory(conversation(4, 2_500), '', '新问题'), lite, 4_096);
    expect([...plan.droppedTurnIds]).toEqual(['u0', 'a0', 'u1', 'a1']);
    expect(plan.fits).toBe(true);
    expect(plan.estimatedTokens).toBeLessThanOrEqual(plan.budget);
  });
});
