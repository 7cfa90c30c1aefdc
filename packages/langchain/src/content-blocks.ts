/**
 * LangChain v1 standard content blocks for Spark answers.
 *
 * ChatSpark keeps x1's reasoning in `additional_kwargs.reasoning_content` (Spark asks not to send it
 * back in the history, so it stays out of `content`). Each message ChatSpark produces names
 * `response_metadata.model_provider: 'iflytek'`, and the translator registered here under that name
 * makes `message.contentBlocks` yield a `reasoning` block before the text, then the tool calls.
 */
import type { AIMessage, AIMessageChunk, ContentBlock } from '@langchain/core/messages';

/** The `response_metadata.model_provider` of every ChatSpark message. */
export const MODEL_PROVIDER = 'iflytek';

function textOf(content: AIMessage['content']): string {
  if (typeof content === 'string') return content;
  return content
    .map((block) =>
      typeof block === 'object' && block.type === 'text' && typeof block.text === 'string' ? block.text : '',
    )
    .join('');
}

/** A Spark answer (message or chunk) as standard content blocks. */
export function toStandardBlocks(message: AIMessage | AIMessageChunk): ContentBlock.Standard[] {
  const blocks: ContentBlock.Standard[] = [];
  const reasoning = message.additional_kwargs?.reasoning_content;
  if (typeof reasoning === 'string' && reasoning !== '') blocks.push({ type: 'reasoning', reasoning });
  const text = textOf(message.content);
  if (text !== '') blocks.push({ type: 'text', text });
  for (const call of message.tool_calls ?? []) {
    blocks.push({ type: 'tool_call', ...(call.id ? { id: call.id } : {}), name: call.name, args: call.args });
  }
  for (const call of message.invalid_tool_calls ?? []) {
    blocks.push({
      type: 'invalid_tool_call',
      ...(call.id ? { id: call.id } : {}),
      ...(call.name ? { name: call.name } : {}),
      ...(call.args ? { args: call.args } : {}),
      ...(call.error ? { error: call.error } : {}),
    });
  }
  const chunks = (message as AIMessageChunk).tool_call_chunks;
  if ('tool_call_chunks' in message && (message.tool_calls ?? []).length === 0) {
    for (const chunk of chunks ?? []) {
      blocks.push({
        type: 'tool_call_chunk',
        ...(chunk.id ? { id: chunk.id } : {}),
        ...(chunk.name ? { name: chunk.name } : {}),
        ...(chunk.args ? { args: chunk.args } : {}),
        ...(chunk.index !== undefined ? { index: chunk.index } : {}),
      });
    }
  }
  return blocks;
}

type TranslatorRegistry = Map<
  string,
  { translateContent: typeof toStandardBlocks; translateContentChunk: typeof toStandardBlocks }
>;

/**
 * Registers the Spark translator in LangChain's block-translator registry (a global map that
 * `@langchain/core/messages` creates when it loads). Idempotent; called by the ChatSpark constructor,
 * so importing this package has no side effect.
 */
export function registerBlockTranslator(): void {
  const registry = (globalThis as { lc_block_translators_registry?: TranslatorRegistry })
    .lc_block_translators_registry;
  if (registry && !registry.has(MODEL_PROVIDER)) {
    registry.set(MODEL_PROVIDER, {
      translateContent: toStandardBlocks,
      translateContentChunk: toStandardBlocks,
    });
  }
}
