import type { MockScenario } from '@xinghuo/mock-server';

/** A scripted failure the playground offers in mock mode. */
export interface MockFault {
  id: string;
  label: string;
  scenario: MockScenario;
}

/**
 * The failures `POST /api/mock/next-fault` can arm, one answer at a time. Retryable failures before
 * the first token are retried by the SDK, so "engine busy" shows a recovered answer, while a drop after
 * text has streamed cannot be retried and shows the error.
 */
export const MOCK_FAULTS: readonly MockFault[] = [
  {
    id: 'input-moderation',
    label: '10013 input refused by moderation',
    scenario: { error: { code: 10013 } },
  },
  {
    id: 'output-moderation',
    label: '10014 output stopped mid-answer',
    scenario: { error: { code: 10014, afterFrames: 3 } },
  },
  { id: 'context-length', label: '10907 conversation too long', scenario: { error: { code: 10907 } } },
  {
    id: 'no-authorization',
    label: '11200 model not enabled for the app id',
    scenario: { error: { code: 11200 } },
  },
  { id: 'daily-quota', label: '11201 daily quota exceeded', scenario: { error: { code: 11201 } } },
  { id: 'engine-busy', label: '10110 engine busy (the SDK retries)', scenario: { error: { code: 10110 } } },
  { id: 'drop', label: 'connection dropped mid-answer', scenario: { drop: { afterFrames: 3 } } },
  { id: 'malformed', label: 'malformed frame', scenario: { malformed: { afterFrames: 2 } } },
];

/** The scenario for a `next-fault` request body: `{ "fault": "<id>" }` or `{ "code": 10013 }`. */
export function scenarioForFault(body: unknown): MockScenario | undefined {
  if (typeof body !== 'object' || body === null) return undefined;
  const { fault, code } = body as { fault?: unknown; code?: unknown };
  if (typeof fault === 'string') return MOCK_FAULTS.find((candidate) => candidate.id === fault)?.scenario;
  if (typeof code === 'number' && Number.isInteger(code) && code > 0) return { error: { code } };
  return undefined;
}
