/**
 * Shared fixtures of the engine tests: credentials, a client factory and event collection.
 * Not part of the published bundles.
 */
import type { ChatStream } from '../client/chat-stream';
import { createSparkClient, type SparkClient, type SparkClientOptions } from '../client/client';
import type { SparkTransport } from '../protocol/websocket/transport';
import type { ChatParams, SparkLogger, SparkStreamEvent } from '../types';

/** Test credentials: 32 characters like real ones, so redaction tests are meaningful. */
export const CREDENTIALS = Object.freeze({
  appId: 'app12345',
  apiKey: 'testkey0123456789abcdef012345678',
  apiSecret: 'TestSecretMjlmNzkzNmZkMDQ2OTc0ZD',
});

/** The smallest valid request. */
export const QUESTION: ChatParams = Object.freeze({ messages: [{ role: 'user' as const, content: '你好' }] });

/** A client over `transport` with credentials, model `lite` and near-zero backoff. */
export function makeClient(
  transport: SparkTransport,
  options: Partial<SparkClientOptions> = {},
): SparkClient {
  return createSparkClient({
    ...CREDENTIALS,
    transport,
    defaultModel: 'lite',
    retryDelay: { baseDelayMs: 1, maxDelayMs: 2 },
    ...options,
  } as SparkClientOptions);
}

/** Reads every event of a stream. */
export async function collect(stream: ChatStream): Promise<SparkStreamEvent[]> {
  const events: SparkStreamEvent[] = [];
  for await (const event of stream) events.push(event);
  return events;
}

/** A logger that records every call, for asserting what (and what not) gets logged. */
export function recordingLogger(): SparkLogger & {
  lines: { level: string; message: string; data?: unknown }[];
} {
  const lines: { level: string; message: string; data?: unknown }[] = [];
  const at = (level: string) => (message: string, data?: Record<string, unknown>) => {
    lines.push({ level, message, data });
  };
  return { lines, debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') };
}

/** The `date` query parameter of a signed URL. */
export function signedDate(url: string): string | null {
  return new URL(url).searchParams.get('date');
}

/** The error `promise` rejects with; throws if it resolves instead. */
export async function failure(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise;
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected a failure');
}
