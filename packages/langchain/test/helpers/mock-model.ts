/**
 * ChatSpark against the mock Spark server over real loopback sockets, with a Node client from
 * @xinghuo/node (the `ws` transport). The mock verifies every signed URL like the gateway.
 */
import type { MockSpark } from '@xinghuo/mock-server';
import { createSparkClient } from '@xinghuo/node';
import { ChatSpark, type ChatSparkInput } from '../../src/index';

/** A ChatSpark whose client dials `mock`; no SPARK_* variable of the machine is read. */
export function mockModel(mock: MockSpark, fields: Omit<ChatSparkInput, 'client'> = {}): ChatSpark {
  const client = createSparkClient({ ...mock.credentials, baseURL: mock.url, env: {}, maxRetries: 0 });
  return new ChatSpark({ model: 'generalv3.5', ...fields, client });
}

/** The messages of the `index`-th request the mock received. */
export function receivedMessages(mock: MockSpark, index: number): Array<{ role: string; content: string }> {
  const frame = mock.requests[index]?.frame as {
    payload: { message: { text: Array<{ role: string; content: string }> } };
  };
  return frame.payload.message.text;
}

/** The frame of the `index`-th request the mock received. */
export function receivedFrame(mock: MockSpark, index: number): ReceivedFrame {
  return mock.requests[index]?.frame as ReceivedFrame;
}

/** The parts of a request frame the tests read. */
export interface ReceivedFrame {
  header: { app_id: string; uid?: string };
  parameter: { chat: Record<string, unknown> };
  payload: {
    message: { text: Array<{ role: string; content: string }> };
    functions?: { text: Array<{ name: string; description: string; parameters: Record<string, unknown> }> };
  };
}

/** A ChatSpark whose client speaks Spark's HTTP protocol to the HTTP face of `mock` (its APIPassword). */
export function mockHttpModel(mock: MockSpark, fields: Omit<ChatSparkInput, 'client'> = {}): ChatSpark {
  const client = createSparkClient({
    protocol: 'http',
    apiPassword: mock.apiPassword,
    baseURL: mock.httpURL,
    env: {},
    maxRetries: 0,
  });
  return new ChatSpark({ model: 'generalv3.5', ...fields, client });
}
