import { resolveModel } from '@xinghuo/core';
import { describe, expect, it } from 'vitest';
import { Conversation } from './conversation';
import { type ReplState, runSlashCommand } from './repl-commands';

function state(): ReplState {
  return { conversation: new Conversation(), model: resolveModel('lite') };
}

describe('runSlashCommand', () => {
  it('switches the model by id or alias and reports unknown ones as errors', () => {
    const repl = state();
    expect(runSlashCommand('/model ultra', repl).output).toContain('4.0Ultra');
    expect(repl.model.id).toBe('4.0Ultra');
    const unknown = runSlashCommand('/model gpt-5', repl);
    expect(unknown.error).toContain('Unknown Spark model');
    expect(repl.model.id).toBe('4.0Ultra');
    expect(runSlashCommand('/model', repl).output).toContain('4.0Ultra');
  });

  it('sets and clears the system message, keeping its spaces', () => {
    const repl = state();
    runSlashCommand('/system 你是 一个 助手', repl);
    expect(repl.conversation.system).toBe('你是 一个 助手');
    expect(runSlashCommand('/system', repl).output).toBe('System message cleared.');
    expect(repl.conversation.system).toBeUndefined();
  });

  it('reports usage, resets, helps, exits and refuses unknown commands', () => {
    const repl = state();
    expect(runSlashCommand('/usage', repl).output).toBe('No answer yet.');
    repl.conversation.commit('q', 'a', { promptTokens: 3, completionTokens: 4, totalTokens: 7 });
    expect(runSlashCommand('/usage', repl).output).toContain('total 7 tokens');
    expect(runSlashCommand('/reset', repl).output).toBe('Conversation cleared.');
    expect(runSlashCommand('/help', repl).output).toContain('/exit');
    expect(runSlashCommand('/exit', repl).exit).toBe(true);
    expect(runSlashCommand('/quit', repl).exit).toBe(true);
    expect(runSlashCommand('/frob', repl).error).toContain('Unknown command /frob');
  });
});
