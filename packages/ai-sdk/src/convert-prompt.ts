/**
 * AI SDK prompt → Spark's `payload.message.text[]`.
 *
 * Spark's WebSocket protocol knows three roles (system, user, assistant), wants the system message
 * first and only once, and user and assistant turns alternating (spec §3.4). It has no tool role, so
 * a tool round trip is written as conversation text: the assistant turn says which function it called
 * with which arguments, and the result comes back as a user turn. Consecutive turns of one role are
 * merged so the alternation holds whatever the AI SDK history looks like. The wording matches
 * ChatSpark's (`@xinghuo/langchain`), so both integrations send Spark the same conversation.
 *
 * Spark's HTTP protocol has the OpenAI shape: an assistant turn lists its calls (`toolCalls`, with the
 * AI SDK's tool call ids, which over HTTP are Spark's own) and each result is a `tool` turn quoting its
 * call's id (`toolCallId`). Only text turns are merged there.
 */
import {
  type LanguageModelV3Prompt,
  type LanguageModelV3ToolResultOutput,
  UnsupportedFunctionalityError,
} from '@ai-sdk/provider';
import type { ChatMessage, ChatRole, FunctionCall, SparkProtocol } from '@xinghuo/core';

/** Text of an assistant turn that called a function. */
export function formatToolCall(toolName: string, input: unknown): string {
  return `Calling function "${toolName}" with arguments: ${JSON.stringify(input ?? {})}`;
}

function outputText(output: LanguageModelV3ToolResultOutput): { text: string; failed: boolean } {
  switch (output.type) {
    case 'text':
      return { text: output.value, failed: false };
    case 'json':
      return { text: JSON.stringify(output.value), failed: false };
    case 'error-text':
      return { text: output.value, failed: true };
    case 'error-json':
      return { text: JSON.stringify(output.value), failed: true };
    case 'execution-denied':
      return { text: output.reason ?? 'The user denied running this function.', failed: true };
    case 'content':
      return {
        text: output.value.map((part) => (part.type === 'text' ? part.text : `[${part.type}]`)).join('\n'),
        failed: false,
      };
  }
}

/** Text of the user turn that carries a function's result back to the model. */
export function formatToolResult(toolName: string, output: LanguageModelV3ToolResultOutput): string {
  const { text, failed } = outputText(output);
  return `Function "${toolName}" ${failed ? 'failed with' : 'returned'}:\n${text}\nUse this result to answer the question.`;
}

/**
 * Converts an AI SDK prompt to Spark messages.
 *
 * @throws UnsupportedFunctionalityError for file (image, audio, document) parts: Spark chat models take text only.
 */
export function convertPrompt(prompt: LanguageModelV3Prompt, protocol: SparkProtocol = 'ws'): ChatMessage[] {
  const http = protocol === 'http';
  const system: string[] = [];
  const turns: ChatMessage[] = [];
  const push = (role: Exclude<ChatRole, 'system'>, content: string): void => {
    const last = turns.at(-1);
    // Tool-calling turns and tool turns stand alone over HTTP: each is tied to call ids.
    if (last?.role === role && !last.toolCalls && role !== 'tool')
      last.content = `${last.content}\n\n${content}`;
    else turns.push({ role, content });
  };

  for (const message of prompt) {
    switch (message.role) {
      case 'system':
        system.push(message.content);
        break;
      case 'user': {
        const texts = message.content.map((part) => {
          if (part.type === 'text') return part.text;
          throw new UnsupportedFunctionalityError({
            functionality: `file parts (${part.mediaType})`,
            message: 'Spark chat models accept text only; this prompt has a file part.',
          });
        });
        push('user', texts.join(''));
        break;
      }
      case 'assistant': {
        const texts: string[] = [];
        const toolCalls: FunctionCall[] = [];
        for (const part of message.content) {
          if (part.type === 'text') texts.push(part.text);
          else if (part.type === 'tool-call' && http && !part.providerExecuted) {
            toolCalls.push({
              id: part.toolCallId,
              name: part.toolName,
              arguments: JSON.stringify(part.input ?? {}),
            });
          } else if (part.type === 'tool-call') texts.push(formatToolCall(part.toolName, part.input));
          else if (part.type === 'tool-result') {
            // A provider-executed tool's result inside the assistant turn: keep it as text.
            texts.push(formatToolResult(part.toolName, part.output));
          } else if (part.type === 'file') {
            throw new UnsupportedFunctionalityError({
              functionality: 'assistant file parts',
              message: 'Spark chat models accept text only; an assistant turn has a file part.',
            });
          }
          // Reasoning parts are not sent back: Spark's x1 takes no reasoning in the history.
        }
        if (toolCalls.length > 0) turns.push({ role: 'assistant', content: texts.join('\n'), toolCalls });
        else if (texts.length > 0) push('assistant', texts.join('\n'));
        break;
      }
      case 'tool':
        for (const part of message.content) {
          if (part.type !== 'tool-result') continue;
          if (http) {
            const { text, failed } = outputText(part.output);
            turns.push({
              role: 'tool',
              content: failed ? `Error: ${text}` : text,
              toolCallId: part.toolCallId,
            });
          } else push('user', formatToolResult(part.toolName, part.output));
        }
        break;
    }
  }
  const joinedSystem = system.join('\n\n');
  return joinedSystem ? [{ role: 'system', content: joinedSystem }, ...turns] : turns;
}
