import type { SparkModel } from '@xinghuo/core';
import type { Conversation } from './conversation';
import { closestMatch } from './did-you-mean';
import { resolveCliModel } from './model-choice';

/** The REPL's mutable state that slash commands act on. */
export interface ReplState {
  conversation: Conversation;
  model: SparkModel;
}

/** Result of a slash command: text for stdout, text for stderr, or the request to leave. */
export interface SlashOutcome {
  output?: string;
  error?: string;
  exit?: boolean;
}

/** The `/help` text inside `xinghuo chat`. */
export const REPL_HELP = `Commands:
  /model [id]      show or switch the model (e.g. /model max)
  /system [text]   set the system message (empty clears it)
  /usage           tokens of the last answer and of the session
  /reset           forget the conversation
  /help            this list
  /exit            leave (or Ctrl-C twice, or Ctrl-D)
Ctrl-C while an answer streams stops that answer.`;

const SLASH_COMMANDS = ['model', 'system', 'usage', 'reset', 'help', 'exit', 'quit'];

function formatUsage(state: ReplState): string {
  const { lastUsage, totalUsage } = state.conversation;
  if (!lastUsage) return 'No answer yet.';
  return (
    `Last answer: prompt ${lastUsage.promptTokens}, completion ${lastUsage.completionTokens}, ` +
    `total ${lastUsage.totalTokens} tokens. Session: ${totalUsage.totalTokens} tokens ` +
    `(prompt ${totalUsage.promptTokens}, completion ${totalUsage.completionTokens}).`
  );
}

/** Runs one `/command`. */
export function runSlashCommand(line: string, state: ReplState): SlashOutcome {
  const [name = '', ...words] = line.slice(1).split(/\s+/);
  const argument = line.slice(1 + name.length).trim();
  switch (name.toLowerCase()) {
    case 'exit':
    case 'quit':
      return { exit: true };
    case 'help':
      return { output: REPL_HELP };
    case 'usage':
      return { output: formatUsage(state) };
    case 'reset':
      state.conversation.reset();
      return { output: 'Conversation cleared.' };
    case 'system':
      state.conversation.system = argument || undefined;
      return { output: argument ? 'System message set.' : 'System message cleared.' };
    case 'model':
      if (words.length === 0 || !argument)
        return { output: `Model: ${state.model.id} (${state.model.label})` };
      try {
        state.model = resolveCliModel(argument, undefined, 'repl');
        return { output: `Model: ${state.model.id} (${state.model.label})` };
      } catch (error) {
        return { error: (error as Error).message };
      }
    default: {
      const suggestion = closestMatch(name, SLASH_COMMANDS);
      return {
        error: `Unknown command /${name}.${suggestion ? ` Did you mean /${suggestion}?` : ''} /help lists the commands.`,
      };
    }
  }
}
