/**
 * The Spark provider against the mock Spark server over real loopback sockets, with a Node client
 * from @xinghuo/node (the `ws` transport). The mock verifies every signed URL like the gateway.
 */
import type { MockSpark } from '@xinghuo/mock-server';
import { createSparkClient } from '@xinghuo/node';
import { createSpark, type SparkProvider } from '../../src/index';

/** A provider whose client dials `mock`; no SPARK_* variable of the machine is read. */
export function mockProvider(mock: MockSpark): SparkProvider {
  const client = createSparkClient({ ...mock.credentials, baseURL: mock.url, env: {}, maxRetries: 0 });
  return createSpark({ client });
}

/** Reads a `ReadableStream` to the end. */
export async function readAll<T>(stream: ReadableStream<T>): Promise<T[]> {
  const parts: T[] = [];
  const reader = stream.getReader();
  for (let read = await reader.read(); !read.done; read = await reader.read()) parts.push(read.value);
  return parts;
}

/** The messages of the `index`-th request the mock received. */
export function receivedMessages(mock: MockSpark, index: number): Array<{ role: string; content: string }> {
  const frame = mock.requests[index]?.frame as {
    payload: { message: { text: Array<{ role: string; content: string }> } };
  };
  return frame.payload.message.text;
}

/** `parameter.chat` of the `index`-th request the mock received. */
export function receivedChat(mock: MockSpark, index: number): Record<string, unknown> {
  const frame = mock.requests[index]?.frame as { parameter?: { chat?: Record<string, unknown> } } | undefined;
  if (!frame?.parameter?.chat) throw new Error(`The mock received no request #${index}.`);
  return frame.parameter.chat;
}

/**
 * A provider whose client speaks Spark's HTTP protocol (POST + SSE) to the HTTP face of `mock`, with
 * the mock's APIPassword.
 */
export function mockHttpProvider(mock: MockSpark): SparkProvider {
  const client = createSparkClient({
    protocol: 'http',
    apiPassword: mock.apiPassword,
    baseURL: mock.httpURL,
    env: {},
    maxRetries: 0,
  });
  return createSpark({ client });
}
