/**
 * LangChain messages → Spark's `payload.message.text[]`.
 *
 * Spark's WebSocket protocol knows three roles (system, user, assistant), wants the system message first
 * and only once, and user and assistant turns alternating (spec §3.4). It has no tool role, so a tool
 * round trip is written as conversation text: the assistant turn says which function it called with
 * which arguments, and the tool's result comes back as a user turn. Consecutive turns of one role are
 * merged so the alternation stays valid whatever the LangChain history looks like.
 *
 * Spark's HTTP protocol has the OpenAI shape instead: an AI message's calls go on its assistant turn
 * (`toolCalls`, with LangChain's tool call ids, which over HTTP are Spark's own) and each `ToolMessage`
 * becomes a `tool` turn quoting its call's id (`toolCallId`).
 */
import type { BaseMessage, MessageContent, ToolCall } from '@langchain/core/messages';
import { type ChatMessage, type ChatRole, SparkInvalidRequestError, type SparkProtocol } from '@xinghuo/core';

/** A function call as it is written into an assistant turn. */
export interface ToolCallTurn {
  name: string;
  args: unknown;
  id?: string | undefined;
}

/** A tool result as it is written into a user turn. */
export interface ToolResultTurn {
  /** The function's name, when the history tells it (from the message or the matching call). */
  name: string | undefined;
  content: string;
  /** The tool call this result answers. */
  toolCallId: string | undefined;
  /** `'error'` when the tool failed (LangChain's `ToolMessage.status`). */
  status: 'success' | 'error';
}

/** How tool round trips are spelled out as text; override to match a prompt style. */
export interface ToolTurnFormat {
  formatToolCall(call: ToolCallTurn): string;
  formatToolResult(result: ToolResultTurn): string;
}

/** The default wording: plain sentences that name the function, so the model can tie result to call. */
export const DEFAULT_TOOL_TURN_FORMAT: ToolTurnFormat = {
  formatToolCall: (call) =>
    `Calling function "${call.name}" with arguments: ${JSON.stringify(call.args ?? {})}`,
  formatToolResult: (result) => {
    const subject = result.name === undefined ? 'The function call' : `Function "${result.name}"`;
    const verb = result.status === 'error' ? 'failed with' : 'returned';
    return `${subject} ${verb}:\n${result.content}\nUse this result to answer the question.`;
  },
};

function contentToText(content: MessageContent, field: string): string {
  if (typeof content === 'string') return content;
  const parts: string[] = [];
  for (const [index, block] of content.entries()) {
    if (typeof block === 'string') parts.push(block);
    else if (block.type === 'text' && typeof block.text === 'string') parts.push(block.text);
    else if (block.type === 'reasoning' || block.type === 'thinking') continue;
    else {
      throw new SparkInvalidRequestError(
        `${field}[${index}] is a "${String(block.type)}" block; Spark chat models accept text only.`,
        { field: `${field}[${index}]` },
      );
    }
  }
  return parts.join('');
}

function roleOfChatMessage(role: string, field: string): ChatRole | 'tool' {
  switch (role) {
    case 'user':
    case 'human':
      return 'user';
    case 'assistant':
    case 'ai':
      return 'assistant';
    case 'system':
    case 'developer':
      return 'system';
    case 'tool':
    case 'function':
      return 'tool';
    default:
      throw new SparkInvalidRequestError(`${field} has role "${role}", which Spark does not know.`, {
        field,
      });
  }
}

function readToolCalls(message: BaseMessage): ToolCall[] {
  const calls = (message as { tool_calls?: ToolCall[] }).tool_calls;
  return Array.isArray(calls) ? calls : [];
}

/**
 * Converts LangChain messages to Spark chat messages.
 *
 * - Leading system messages become one system turn; a system message later in the conversation becomes
 *   a user turn (Spark accepts a system message only first).
 * - WebSocket: an AI message's tool calls become assistant text; `ToolMessage`s become user turns.
 * - HTTP (`protocol: 'http'`): tool calls stay on the assistant turn with their ids, `ToolMessage`s
 *   become `tool` turns.
 * - Consecutive turns of the same role are joined with a blank line; empty assistant turns are dropped.
 *
 * @throws SparkInvalidRequestError for non-text content (images) or an unknown role.
 * @example
 * ```ts
 * toSparkMessages([new SystemMessage('Be brief.'), new HumanMessage('Hi')]);
 * // [{ role: 'system', content: 'Be brief.' }, { role: 'user', content: 'Hi' }]
 * ```
 */
export function toSparkMessages(
  messages: readonly BaseMessage[],
  format: ToolTurnFormat = DEFAULT_TOOL_TURN_FORMAT,
  protocol: SparkProtocol = 'ws',
): ChatMessage[] {
  const http = protocol === 'http';
  const turns: ChatMessage[] = [];
  const toolNames = new Map<string, string>();
  const push = (role: ChatRole, content: string) => {
    const previous = turns.at(-1);
    // Turns tied to call ids (HTTP) stand alone.
    if (previous && previous.role === role && !previous.toolCalls && role !== 'tool')
      previous.content = `${previous.content}\n\n${content}`;
    else turns.push({ role, content });
  };

  for (const [index, message] of messages.entries()) {
    const field = `messages[${index}]`;
    const type = message.getType();
    const text = contentToText(message.content, `${field}.content`);
    const role =
      type === 'human'
        ? 'user'
        : type === 'ai'
          ? 'assistant'
          : type === 'system'
            ? 'system'
            : type === 'tool' || type === 'function'
              ? 'tool'
              : type === 'generic'
                ? roleOfChatMessage(String((message as { role?: unknown }).role), `${field}.role`)
                : undefined;
    if (role === undefined) {
      throw new SparkInvalidRequestError(`${field} is a "${type}" message, which Spark cannot take.`, {
        field,
      });
    }

    if (role === 'system') {
      // Only a system message before any other turn stays a system message.
      push(turns.every((turn) => turn.role === 'system') ? 'system' : 'user', text);
    } else if (role === 'assistant') {
      const calls = readToolCalls(message);
      for (const call of calls) if (call.id) toolNames.set(call.id, call.name);
      if (http && calls.length > 0 && calls.every((call) => call.id)) {
        const toolCalls = calls.map((call) => ({
          id: call.id as string,
          name: call.name,
          arguments: JSON.stringify(call.args ?? {}),
        }));
        turns.push({ role: 'assistant', content: text, toolCalls });
        continue;
      }
      const described = calls.map((call) =>
        format.formatToolCall({ name: call.name, args: call.args, id: call.id }),
      );
      const content = [text, ...described].filter((part) => part.trim() !== '').join('\n');
      if (content !== '') push('assistant', content);
    } else if (role === 'tool') {
      const toolCallId = (message as { tool_call_id?: string }).tool_call_id;
      const status = (message as { status?: string }).status === 'error' ? 'error' : 'success';
      if (http && toolCallId !== undefined) {
        turns.push({ role: 'tool', content: status === 'error' ? `Error: ${text}` : text, toolCallId });
        continue;
      }
      const name = message.name ?? (toolCallId === undefined ? undefined : toolNames.get(toolCallId));
      push('user', format.formatToolResult({ name, content: text, toolCallId, status }));
    } else {
      push(role, text);
    }
  }
  return turns;
}
