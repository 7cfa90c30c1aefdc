import { describe, expect, it } from 'vitest';
import type { ChatRequest } from '../chat-request.js';
import { buildPlan } from './plan.js';

const request: ChatRequest = {
  appId: 'a',
  domain: 'generalv3.5',
  messages: [{ role: 'user', content: 'hi' }],
  functions: [],
  frame: {},
};
const context = { route: { id: 'generalv3.5', reasoning: false }, sid: 'cht00000001@dx1', chunkChars: 2 };

describe('buildPlan', () => {
  it('ends a normal answer with the status-2 frame and a close', () => {
    const plan = buildPlan(request, { text: 'abcdef' }, context);
    expect(plan.map((action) => action.type)).toEqual(['send', 'send', 'send', 'close']);
  });

  it.each([
    ['error', { error: { code: 10014, afterFrames: 99 } }, ['send', 'send', 'send', 'close']],
    ['drop', { drop: { afterFrames: 99 } }, ['send', 'send', 'drop']],
    ['stall', { stall: { afterFrames: 99 } }, ['send', 'send', 'stall']],
    ['malformed', { malformed: { afterFrames: 99 } }, ['send', 'send', 'send', 'close']],
  ] as const)('caps %s so the final frame is never sent first', (_name, fault, types) => {
    const plan = buildPlan(request, { text: 'abcdef', ...fault }, context);
    expect(plan.map((action) => action.type)).toEqual(types);
    const texts = plan.flatMap((action) => (action.type === 'send' ? [action.text] : []));
    expect(texts.some((text) => text.includes('"status":2') && text.includes('"code":0'))).toBe(false);
  });

  it('sends at least one frame for an empty answer', () => {
    const [first] = buildPlan(request, { text: '' }, context);
    expect(first).toMatchObject({ type: 'send' });
    expect(JSON.parse((first as { text: string }).text).header.status).toBe(2);
  });
});
