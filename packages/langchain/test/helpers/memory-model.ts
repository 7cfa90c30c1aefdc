/**
 * A ChatSpark wired to core's in-memory transport: scripted Spark frames, no sockets. The transport
 * records every connection, so tests can check what was sent and that no socket was left open.
 */
import type { UsageMetadata } from '@langchain/core/messages';
import { createSparkClient } from '@xinghuo/core';
import { createMemoryTransport, type MemoryHandler, type MemoryTransport } from '@xinghuo/core/testing';
import type { SparkRequestFrame } from '@xinghuo/core/websocket';
import { ChatSpark, type ChatSparkInput } from '../../src/index';

/** Clearly fake credentials of the right shape (32-character key and secret). */
export const FAKE_CREDENTIALS = {
  appId: 'app12345',
  apiKey: 'k'.repeat(24) + 'fakekey0',
  apiSecret: 's'.repeat(24) + 'fakesec0',
} as const;

/** A ChatSpark over a memory transport driven by `handler`. */
export function memoryModel(
  handler: MemoryHandler,
  fields: Omit<ChatSparkInput, 'client' | 'transport'> = {},
): { model: ChatSpark; transport: MemoryTransport } {
  const transport = createMemoryTransport(handler);
  const client = createSparkClient({ ...FAKE_CREDENTIALS, transport, maxRetries: 0 });
  return { model: new ChatSpark({ model: 'generalv3.5', ...fields, client }), transport };
}

/** The wire messages of a request frame. */
export function wireMessages(frame: SparkRequestFrame): Array<{ role: string; content: string }> {
  return frame.payload.message.text;
}

/**
 * A message's usage. LangChain's generic message types resolve `usage_metadata` to `never` under
 * `exactOptionalPropertyTypes`, so tests read it through this typed accessor.
 */
export function usageOf(message: unknown): UsageMetadata | undefined {
  return (message as { usage_metadata?: UsageMetadata }).usage_metadata;
}
