import type { MockSpark } from '@xinghuo/mock-server';
import { describe, expect, it } from 'vitest';
import { useCliMock } from './helpers';
import { startConnectProxy } from './loopback-servers';
import { runCli } from './run-cli';

// The rough edges a new user meets in the first hour (issue 12.5) and credentials on the command
// line (issue 16.10), each through the real executable.

let mock: MockSpark;
let env: Record<string, string>;

useCliMock((started, startedEnv) => {
  mock = started;
  env = startedEnv;
});

describe('did you mean', () => {
  it('names an unknown flag and suggests the close one', async () => {
    const run = await runCli(['chat', '--mokc']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('Unknown option --mokc. Did you mean --mock?');
    // parseArgs' own advice (about positionals starting with '-', with an unbalanced quote) is gone.
    expect(run.stderr).not.toMatch(/positional|"--mokc|'--mokc/);
    expect(run.stderr.trimEnd().split('\n')).toHaveLength(1);
  });

  it('suggests nothing for a flag that resembles none', async () => {
    const run = await runCli(['ask', '--verbose', 'hi']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('Unknown option --verbose.');
    expect(run.stderr).not.toContain('Did you mean');
  });

  it('names an unknown command and suggests the close one', async () => {
    const run = await runCli(['chta']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('Unknown command "chta". Did you mean chat?');
  });
});

describe('unknown models get CLI-shaped advice', () => {
  it('--model gpt-4o lists the known ids and the flags for a custom endpoint, before any connection', async () => {
    const run = await runCli(['ask', '--model', 'gpt-4o', 'hi'], { env });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('Unknown model "gpt-4o"');
    for (const id of ['lite', 'generalv3.5 (max', '4.0Ultra (ultra', 'x1']) expect(run.stderr).toContain(id);
    expect(run.stderr).toContain('--model <domain> --model-url wss://');
    expect(run.stderr).toContain('SPARK_MODEL_URL');
    expect(run.stderr).not.toMatch(/\{ ?url, domain ?\}/);
    expect(mock.connections).toHaveLength(0);
  });

  it('/model gpt-4o in chat says the same in REPL terms and keeps the session going', async () => {
    const run = await runCli(['chat'], { input: '/model gpt-4o\n/model\n', env });
    expect(run.code).toBe(0);
    expect(run.stderr).toContain('Unknown model "gpt-4o"');
    expect(run.stderr).toContain('Known models: lite');
    expect(run.stderr).toContain('restart with --model <domain> --model-url wss://');
    expect(run.stdout).toContain('Model: lite');
  });

  it('--model-url reaches a custom endpoint with --model as its domain', async () => {
    const url = `${mock.url}/v3.5/chat`;
    const run = await runCli(['ask', '--json', '--model', 'generalv3.5', '--model-url', url, 'hi'], { env });
    expect(run.code, run.stderr).toBe(0);
    expect(mock.requests[0]?.path).toBe('/v3.5/chat');
    expect(mock.requests[0]?.request?.domain).toBe('generalv3.5');
    expect((JSON.parse(run.stdout) as { model: string }).model).toBe('generalv3.5');
  });

  it('SPARK_MODEL_URL works like --model-url; without a domain it is a usage error', async () => {
    const custom = { ...env, SPARK_MODEL_URL: `${mock.url}/v3.5/chat`, SPARK_MODEL: 'generalv3.5' };
    const run = await runCli(['ask', 'hi'], { env: custom });
    expect(run.code, run.stderr).toBe(0);
    expect(mock.requests[0]?.path).toBe('/v3.5/chat');
    const missing = await runCli(['ask', '--model-url', `${mock.url}/v3.5/chat`, 'hi'], { env });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('--model <domain>');
    const wrongScheme = await runCli(['ask', '-m', 'd', '--model-url', 'https://example.test/x', 'hi'], {
      env,
    });
    expect(wrongScheme.code).toBe(2);
    expect(wrongScheme.stderr).toContain('ws:// or wss://');
  });
});

describe('ask --json', () => {
  it('includes the reasoning of x1', async () => {
    const run = await runCli(['ask', '--json', '--model', 'x1', '1+1?'], { env });
    expect(run.code, run.stderr).toBe(0);
    const output = JSON.parse(run.stdout) as { reasoning?: string; text: string };
    expect(output.reasoning).toContain('1+1?');
    expect(output.text).not.toBe('');
  });

  it('leaves reasoning out for a model that has none', async () => {
    const run = await runCli(['ask', '--json', 'hi'], { env });
    expect(Object.keys(JSON.parse(run.stdout) as object)).not.toContain('reasoning');
  });
});

describe('--mock streams like the real service', () => {
  it('delays each frame by about 30 ms by default', async () => {
    const run = await runCli(['ask', '--mock', '一个需要较长回答的问题']);
    expect(run.code, run.stderr).toBe(0);
    // About 12 text frames at 30 ms each: the first and the last output are ≥ 300 ms apart (a lower
    // bound, which a busy machine only makes larger; half of it is asserted).
    const frames = Math.ceil(Array.from(run.stdout.trim()).length / 10);
    expect(frames).toBeGreaterThan(5);
    expect(run.stdoutTimes.length).toBeGreaterThan(1);
    expect(run.stdoutTimes.at(-1)! - run.stdoutTimes[0]!).toBeGreaterThanOrEqual(((frames - 1) * 30) / 2);
  });

  it('--mock-latency sets the delay per frame', async () => {
    const run = await runCli(['ask', '--mock', '--mock-latency', '80', '你好']);
    expect(run.code, run.stderr).toBe(0);
    const frames = Math.ceil(Array.from(run.stdout.trim()).length / 10);
    expect(run.stdoutTimes.at(-1)! - run.stdoutTimes[0]!).toBeGreaterThanOrEqual(((frames - 1) * 80) / 2);
  });
});

describe('Ctrl-C during a --mock stream with latency', () => {
  // 500 ms per frame: the answer takes seconds, the interrupt follows the first output within ms.
  const slow = ['--mock', '--mock-latency', '500'];

  it('aborts ask at once: status 130, one stderr line, the process exits', async () => {
    const run = await runCli(['ask', ...slow, '一个很长的问题'], {
      interruptWhen: (stdout) => stdout.length > 0,
    });
    expect(run.code).toBe(130);
    expect(run.stderr.trimEnd().split('\n')).toEqual([expect.stringContaining('[aborted]')]);
    // Only the first frame or so was printed, and the line was ended.
    expect(Array.from(run.stdout.trim()).length).toBeLessThan(30);
    expect(run.stdout.endsWith('\n')).toBe(true);
  });

  it('stops the chat answer and keeps the REPL (and its embedded mock) working', async () => {
    let interrupted = false;
    const run = await runCli(['chat', ...slow], {
      input: '一个很长的问题\n/usage\n/model max\n',
      interruptWhen: (stdout) => {
        interrupted = stdout.length > 0;
        return interrupted;
      },
    });
    expect(interrupted).toBe(true);
    expect(run.code).toBe(0);
    expect(run.stderr).toContain('(answer interrupted)');
    expect(run.stdout).toContain('No answer yet.');
    expect(run.stdout).toContain('Model: generalv3.5');
  });
});

describe('a proxy password on the command line', () => {
  it('warns once on stderr, without the password, and still uses the proxy', async () => {
    const proxy = await startConnectProxy({ credentials: 'carol:pa55word' });
    try {
      const address = new URL(proxy.url);
      const withPassword = `http://carol:pa55word@${address.host}`;
      const run = await runCli(['ask', '--proxy', withPassword, '你好'], { env });
      expect(run.code, run.stderr).toBe(0);
      expect(proxy.targets).toHaveLength(1);
      const warnings = run.stderr.split('\n').filter((line) => line.includes('--proxy carries a password'));
      expect(warnings).toHaveLength(1);
      expect(run.stderr).toContain('HTTPS_PROXY');
      expect(run.stderr + run.stdout).not.toContain('pa55word');
    } finally {
      await proxy.close();
    }
  });

  it('says nothing for a proxy flag without a password, or a password in HTTPS_PROXY', async () => {
    const plain = await runCli(['models', '--proxy', 'http://proxy.test:3128']);
    expect(plain.stderr).toBe('');
    const fromEnv = await runCli(['ask', '你好'], {
      env: { ...env, HTTPS_PROXY: 'http://carol:pa55word@127.0.0.1:9' },
    });
    expect(fromEnv.code, fromEnv.stderr).toBe(0);
    expect(fromEnv.stderr).toBe('');
  });
});
