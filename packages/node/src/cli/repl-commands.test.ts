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
    expect(unknown.error).toContain('Unknown model "gpt-5"');
    expect(repl.model.id).toBe('4.0Ultra');
    expect(runSlashCommand('/model mxa', repl).error).toContain('Did you mean max?');
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
    expect(runSlashCommand('/frob', repl).error).not.toContain('Did you mean');
    expect(runSlashCommand('/modle x1', repl).error).toContain(
      'Unknown command /modle. Did you mean /model?',
    );
  });

  it('answers an unknown model in CLI terms: the known ids and the flags for a custom endpoint', () => {
    const { error } = runSlashCommand('/model gpt-4o', state());
    expect(error).toContain('Known models: lite');
    expect(error).toContain('x1');
    expect(error).toContain('restart with --model <domain> --model-url wss://');
    expect(error).not.toMatch(/\{ ?url, domain ?\}/);
  });

  it('does not echo a long name that may be a misplaced credential', () => {
    const secretLike = 'a3f5c2d8e9b14f6a7c0d2e4f6a8b0c1d';
    expect(runSlashCommand(`/model ${secretLike}`, state()).error).not.toContain(secretLike);
  });
});
