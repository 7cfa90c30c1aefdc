import { describe, expect, it } from 'vitest';
import { reuseSignatureWithinSecond } from './signature-reuse';

const URL_A = 'wss://spark-api.xf-yun.com/v1.1/chat';
const URL_B = 'wss://spark-api.xf-yun.com/v3.5/chat';

function countingSigner() {
  const calls: { url: string; date: Date }[] = [];
  const sign = reuseSignatureWithinSecond(async (request: { url: string; date: Date }) => {
    calls.push(request);
    return `${request.url}?date=${request.date.getTime()}`;
  });
  return { sign, calls };
}

describe('reuseSignatureWithinSecond', () => {
  it('signs once for requests to the same URL within the same second', async () => {
    const { sign, calls } = countingSigner();
    const first = sign({ url: URL_A, date: new Date(1_700_000_000_000) });
    const second = sign({ url: URL_A, date: new Date(1_700_000_000_999) });
    expect(second).toBe(first);
    expect(await second).toBe(`${URL_A}?date=1700000000000`);
    expect(calls).toHaveLength(1);
  });

  it('signs afresh in the next second and for another URL', async () => {
    const { sign, calls } = countingSigner();
    await sign({ url: URL_A, date: new Date(1_700_000_000_500) });
    await sign({ url: URL_A, date: new Date(1_700_000_001_000) });
    await sign({ url: URL_B, date: new Date(1_700_000_001_000) });
    // Both URLs are remembered side by side: back to A in the same second signs nothing.
    await sign({ url: URL_A, date: new Date(1_700_000_001_400) });
    expect(calls.map((call) => [call.url, call.date.getTime()])).toEqual([
      [URL_A, 1_700_000_000_500],
      [URL_A, 1_700_000_001_000],
      [URL_B, 1_700_000_001_000],
    ]);
  });

  it('forgets a signing that failed, so the next request in the same second tries again', async () => {
    let attempts = 0;
    const sign = reuseSignatureWithinSecond(async (request: { url: string; date: Date }) => {
      attempts += 1;
      if (attempts === 1) throw new Error('signer unavailable');
      return `${request.url}?signed`;
    });
    const date = new Date(1_700_000_000_000);
    await expect(sign({ url: URL_A, date })).rejects.toThrow('signer unavailable');
    await expect(sign({ url: URL_A, date })).resolves.toBe(`${URL_A}?signed`);
    expect(attempts).toBe(2);
  });
});
