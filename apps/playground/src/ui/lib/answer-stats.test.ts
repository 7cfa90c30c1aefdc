import { describe, expect, it } from 'vitest';
import { computeAnswerStats } from './answer-stats';

const usage = { promptTokens: 10, completionTokens: 50, totalTokens: 60 };

describe('computeAnswerStats', () => {
  it('computes time to first token, total time and tokens per second of streaming', () => {
    const stats = computeAnswerStats(
      { startedAt: 1_000, firstTokenAt: 1_200, endedAt: 3_200 },
      usage,
      'cht1',
    );
    expect(stats).toEqual({
      usage,
      sid: 'cht1',
      timeToFirstTokenMs: 200,
      tokensPerSecond: 25,
      totalMs: 2_200,
    });
  });

  it('leaves the speed out when there is no streaming span or no usage', () => {
    expect(
      computeAnswerStats({ startedAt: 0, firstTokenAt: 5, endedAt: 5 }, usage).tokensPerSecond,
    ).toBeUndefined();
    expect(
      computeAnswerStats({ startedAt: 0, firstTokenAt: 5, endedAt: 50 }).tokensPerSecond,
    ).toBeUndefined();
    expect(computeAnswerStats({ startedAt: 0, endedAt: 50 }).timeToFirstTokenMs).toBeUndefined();
    const functionCallUsage = { promptTokens: 84, completionTokens: 0, totalTokens: 84 };
    expect(
      computeAnswerStats({ startedAt: 0, firstTokenAt: 5, endedAt: 50 }, functionCallUsage).tokensPerSecond,
    ).toBeUndefined();
  });
});
