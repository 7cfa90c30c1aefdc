import type { MockSpark } from '@xinghuo/mock-server';
import { describe, expect, it } from 'vitest';
import { useCliMock } from './helpers';
import { runCli } from './run-cli';
import { unsafeCharacters } from './unsafe-characters';

// Model output and Spark error text are untrusted: every escape a review reproduced (issue 16.2) must
// be gone from what the CLI prints, whatever path the text takes to the terminal.

/** Window title (OSC 2), a hidden link (OSC 8), invisible text (SGR 8), clear screen, DCS, 8-bit CSI, BEL, BS, CR. */
const HOSTILE =
  'A\x1b]2;pwned-title\x07B\x1b]8;;https://evil.example/\x1b\\link\x1b]8;;\x1b\\C\x1b[8mhidden\x1b[0mD' +
  '\x1b[2J\x1b[HE\x1bP1$r0m\x1b\\F\x9b31mG\x07\x08\rH\n\tI';
/** What is left of it: the text, the newline and the tab. */
const VISIBLE = 'ABlinkChiddenDEFGH\n\tI';

let mock: MockSpark;
let env: Record<string, string>;

useCliMock((started, startedEnv) => {
  mock = started;
  env = startedEnv;
});

describe.each(['ws', 'http'] as const)(
  'the CLI strips terminal escapes from network text (%s)',
  (protocol) => {
    /** Runs the CLI over `protocol` and checks that every request the mock saw came over it. */
    async function runOver(
      args: readonly string[],
      options: { input?: string; env?: Record<string, string> } = {},
    ) {
      const run = await runCli(args, {
        ...options,
        env: { ...env, ...options.env, SPARK_PROTOCOL: protocol, SPARK_API_PASSWORD: mock.apiPassword },
      });
      expect(mock.requests.length).toBeGreaterThan(0);
      for (const request of mock.requests) expect(request.protocol ?? 'ws').toBe(protocol);
      return run;
    }

    it('ask: the streamed answer, even with sequences split across frames', async () => {
      // Three characters per frame: most sequences arrive in pieces.
      mock.enqueue({ text: HOSTILE, chunkChars: 3 });
      const run = await runOver(['ask', 'q']);
      expect(run.code, run.stderr).toBe(0);
      expect(unsafeCharacters(run.stdout)).toEqual([]);
      expect(run.stdout).toBe(`${VISIBLE}\n`);
    });

    it('ask: a function call name and arguments', async () => {
      mock.enqueue({
        functionCall: { name: 'get\x1b]2;t\x07_weather', arguments: '{"city":"\x1b[2J合肥"}' },
      });
      const run = await runOver(['ask', 'weather?']);
      expect(run.code, run.stderr).toBe(0);
      expect(unsafeCharacters(run.stdout)).toEqual([]);
      expect(run.stdout).toContain('[function call] get_weather({"city":"合肥"})');
    });

    it('chat: every answer of the REPL', async () => {
      mock.enqueue({ text: HOSTILE, chunkChars: 4 });
      mock.enqueue({ text: `second ${HOSTILE}` });
      const run = await runOver(['chat'], { input: 'one\ntwo\n/exit\n' });
      expect(run.code, run.stderr).toBe(0);
      expect(unsafeCharacters(run.stdout)).toEqual([]);
      expect(run.stdout).toContain(`${VISIBLE}\n`);
      expect(run.stdout).toContain(`second ${VISIBLE}\n`);
    });

    it('ask --json: valid JSON whose strings (text, reasoning, sid, function call) carry no escapes', async () => {
      mock.enqueue({ text: HOSTILE, reasoning: `think ${HOSTILE}` });
      const run = await runOver(['ask', '--json', '--model', 'x1', 'q']);
      expect(run.code, run.stderr).toBe(0);
      // JSON.stringify alone would write ESC as \u001b: valid JSON, but `jq -r .text` would print it raw.
      expect(run.stdout).not.toContain('\\u001b');
      expect(unsafeCharacters(run.stdout)).toEqual([]);
      const output = JSON.parse(run.stdout) as { text: string; reasoning: string };
      expect(output.text).toBe(VISIBLE);
      expect(output.reasoning).toBe(`think ${VISIBLE}`);
    });

    it('ask --json: a function call', async () => {
      mock.enqueue({ functionCall: { name: 'get\x9b2J_weather', arguments: { city: '\x1b]2;t\x07合肥' } } });
      const run = await runOver(['ask', '--json', 'weather?']);
      expect(run.code, run.stderr).toBe(0);
      expect(run.stdout).not.toContain('\\u001b');
      expect(unsafeCharacters(run.stdout)).toEqual([]);
      const output = JSON.parse(run.stdout) as { functionCall: { name: string; arguments: string } };
      expect(output.functionCall.name).toBe('get_weather');
      expect(JSON.parse(output.functionCall.arguments)).toEqual({ city: '合肥' });
    });

    it('ask: a Spark error message (clear screen, title) in the one error line', async () => {
      mock.enqueue({ error: { code: 10013, message: '\x1b[2J\x1b[HContentAudit\x1b]2;pwned\x07Error' } });
      const run = await runOver(['ask', 'q']);
      expect(run.code).toBe(1);
      expect(unsafeCharacters(run.stderr)).toEqual([]);
      expect(run.stderr).toContain('ContentAuditError');
      expect(run.stderr.trimEnd().split('\n')).toHaveLength(1);
    });

    it('ask with XINGHUO_DEBUG: the stack trace, which repeats the message', async () => {
      mock.enqueue({ error: { code: 10013, message: '\x1b]2;pwned\x07Content\x1b[2JAuditError' } });
      const run = await runOver(['ask', 'q'], { env: { XINGHUO_DEBUG: '1' } });
      expect(run.code).toBe(1);
      expect(run.stderr).toMatch(/\n\s+at /);
      expect(unsafeCharacters(run.stderr)).toEqual([]);
    });

    it('chat: a Spark error message after part of an answer', async () => {
      mock.enqueue({
        text: HOSTILE,
        error: { code: 10014, message: 'output\x1b[8m hidden\x1b[0m', afterFrames: 1 },
      });
      const run = await runOver(['chat'], { input: 'q\n' });
      expect(run.code).toBe(0);
      expect(unsafeCharacters(run.stdout + run.stderr)).toEqual([]);
      expect(run.stderr).toContain('output hidden');
    });
  },
);

describe('the CLI strips terminal escapes from a refused handshake (ws)', () => {
  it('ask: the body of a refused handshake', async () => {
    // A handler refuses every attempt (a queued scenario refuses one, and the client retries a 403).
    mock.use({
      handshake: () => ({
        status: 401,
        body: { message: 'HMAC\x1b]8;;https://evil.example/\x07 refused\x1b[2J' },
      }),
    });
    const run = await runCli(['ask', 'q'], { env });
    expect(run.code, run.stderr).toBe(1);
    expect(run.stderr).toContain('HMAC refused');
    expect(unsafeCharacters(run.stderr)).toEqual([]);
  });
});
