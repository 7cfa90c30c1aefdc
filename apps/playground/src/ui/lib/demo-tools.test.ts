import { describe, expect, it } from 'vitest';
import { DEMO_TOOL_NAMES, runDemoTools } from './demo-tools';

describe('runDemoTools', () => {
  it('answers get_weather with the same demo weather for the same city, from bounded arguments', () => {
    const call = {
      id: 'call_1',
      name: 'get_weather',
      arguments: '',
      parsedArguments: { location: ' 合肥 ' },
    };
    const [first] = runDemoTools([call]) ?? [];
    const [again] = runDemoTools([call]) ?? [];
    expect(first?.name).toBe('get_weather');
    expect(JSON.parse(first?.content ?? '{}')).toMatchObject({
      location: '合肥',
      source: 'playground demo data',
    });
    expect(again).toEqual(first);
    const long = runDemoTools([{ ...call, parsedArguments: { location: 'x'.repeat(500) } }]);
    expect(JSON.parse(long?.[0]?.content ?? '{}').location).toHaveLength(80);
  });

  it('answers get_current_time from the clock it is given', () => {
    const now = new Date('2026-12-03T12:00:00Z');
    const [result] =
      runDemoTools([{ name: 'get_current_time', arguments: '{}', parsedArguments: {} }], now) ?? [];
    expect(JSON.parse(result?.content ?? '{}').iso).toBe('2026-12-03T12:00:00.000Z');
  });

  it('runs nothing when any call names a function the page does not have, or an inherited name', () => {
    const weather = { name: 'get_weather', arguments: '{}', parsedArguments: {} };
    expect(runDemoTools([weather, { name: 'send_email', arguments: '{}' }])).toBeUndefined();
    expect(runDemoTools([{ name: 'constructor', arguments: '{}' }])).toBeUndefined();
    expect(runDemoTools([])).toBeUndefined();
    expect(DEMO_TOOL_NAMES).toEqual(['get_weather', 'get_current_time']);
  });
});
