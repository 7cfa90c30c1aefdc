import { type ChildProcessWithoutNullStreams, execFileSync, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_API_PASSWORD, DEFAULT_CREDENTIALS } from '../src/index.js';
import { type CompletionJson, postChat, readSse, streamedContent } from './helpers/http-client.js';
import { answerText, converse } from './helpers/raw-client.js';
import { requestFrame } from './helpers/request-frame.js';
import { signTestUrl } from './helpers/sign-url.js';

const CLI = fileURLToPath(new URL('../dist/cli.js', import.meta.url));

/** Starts the built CLI and resolves with its printed settings once it reports the URL. */
function startCli(
  args: string[],
): Promise<{ child: ChildProcessWithoutNullStreams; settings: Record<string, string> }> {
  const child = spawn(process.execPath, [CLI, ...args]);
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`CLI printed no URL: ${output}`)), 10_000);
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      output += chunk;
      if (!/^SPARK_API_SECRET=.*$/m.test(output)) return;
      clearTimeout(timer);
      const settings = Object.fromEntries(
        [...output.matchAll(/^(SPARK_[A-Z_]+)=(.*)$/gm)].map((match) => [match[1]!, match[2]!]),
      );
      resolve({ child, settings });
    });
    child.once('exit', (code) => reject(new Error(`CLI exited with ${code}: ${output}`)));
  });
}

function exitOf(child: ChildProcessWithoutNullStreams): Promise<{ code: number | null; output: string }> {
  let output = '';
  child.stdout.on('data', (chunk: string) => {
    output += chunk;
  });
  return new Promise((resolve) => child.once('exit', (code) => resolve({ code, output })));
}

describe('xinghuo-mock CLI', () => {
  const children: ChildProcessWithoutNullStreams[] = [];
  afterEach(() => {
    for (const child of children.splice(0)) if (child.exitCode === null) child.kill('SIGKILL');
  });

  it('prints its URL and credentials, serves signed requests and exits cleanly on SIGTERM', async () => {
    const { child, settings } = await startCli(['--port', '0', '--app-id', 'cliapp', '--chunk-chars', '3']);
    children.push(child);
    expect(settings.SPARK_BASE_URL).toMatch(/^ws:\/\/127\.0\.0\.1:\d+$/);
    expect(settings.SPARK_APP_ID).toBe('cliapp');
    const url = signTestUrl(`${settings.SPARK_BASE_URL}/v3.5/chat`, {
      apiKey: settings.SPARK_API_KEY!,
      apiSecret: settings.SPARK_API_SECRET!,
    });
    const { frames } = await converse(url, requestFrame({ appId: 'cliapp', domain: 'generalv3.5' }));
    expect(answerText(frames)).toContain('星火');
    expect(Array.from(frames[0]?.payload?.choices?.text[0]?.content ?? '')).toHaveLength(3);

    const exited = exitOf(child);
    child.kill('SIGTERM');
    expect((await exited).code).toBe(0);
  });

  it('serves the HTTP face on the same port and prints its base URL and password', async () => {
    const { child, settings } = await startCli(['--port', '0', '--api-password', 'cli-password']);
    children.push(child);
    expect(settings.SPARK_HTTP_BASE_URL).toBe(settings.SPARK_BASE_URL!.replace(/^ws:/, 'http:'));
    expect(settings.SPARK_API_PASSWORD).toBe('cli-password');
    const url = `${settings.SPARK_HTTP_BASE_URL}/v1/chat/completions`;
    const messages = [{ role: 'user', content: 'CLI over HTTP' }];
    const streamed = await postChat(
      url,
      { model: 'lite', messages, stream: true },
      { authorization: 'Bearer cli-password' },
    );
    const events = await readSse(streamed);
    expect(events.at(-1)?.data).toBe('[DONE]');
    expect(streamedContent(events)).toContain('CLI over HTTP');
    const refused = await postChat(url, { model: 'lite', messages }, { authorization: 'Bearer wrong' });
    expect(refused.status).toBe(401);
    const byPair = await postChat(
      url,
      { model: 'lite', messages },
      { authorization: `Bearer ${settings.SPARK_API_KEY}:${settings.SPARK_API_SECRET}` },
    );
    expect(((await byPair.json()) as CompletionJson).code).toBe(0);
    const exited = exitOf(child);
    child.kill('SIGTERM');
    expect((await exited).code).toBe(0);
  });

  it('stops on SIGINT too', async () => {
    const { child } = await startCli(['--port', '0']);
    children.push(child);
    const exited = exitOf(child);
    child.kill('SIGINT');
    expect((await exited).code).toBe(0);
  });

  it('prints help and rejects bad options', async () => {
    const help = spawn(process.execPath, [CLI, '--help']);
    help.stdout.setEncoding('utf8');
    const helpResult = await exitOf(help as ChildProcessWithoutNullStreams);
    expect(helpResult.code).toBe(0);
    expect(helpResult.output).toContain('--latency-ms');

    const bad = spawn(process.execPath, [CLI, '--port', 'abc']);
    let errors = '';
    bad.stderr.setEncoding('utf8');
    bad.stderr.on('data', (chunk: string) => {
      errors += chunk;
    });
    const badResult = await exitOf(bad as ChildProcessWithoutNullStreams);
    expect(badResult.code).toBe(2);
    expect(errors).toContain('--port must be an integer');
  });

  it('--print-env prints export lines that sh can eval, quoting any value, and exits', () => {
    const appId = "it's $HOME `x`";
    const script = `eval "$("$NODE" "$CLI" --print-env --port 9123 --app-id "$APP")" && printf '%s\\n' "$SPARK_BASE_URL" "$SPARK_APP_ID" "$SPARK_API_KEY" "$SPARK_API_SECRET"`;
    const printed = execFileSync('sh', ['-c', script], {
      env: { PATH: process.env.PATH, NODE: process.execPath, CLI, APP: appId },
      encoding: 'utf8',
      timeout: 15_000,
    });
    expect(printed.split('\n').slice(0, 4)).toEqual([
      'ws://127.0.0.1:9123',
      appId,
      DEFAULT_CREDENTIALS.apiKey,
      DEFAULT_CREDENTIALS.apiSecret,
    ]);
    const raw = execFileSync(process.execPath, [CLI, '--print-env', '--port', '9123'], { encoding: 'utf8' });
    expect(raw).toContain(`export SPARK_API_PASSWORD='${DEFAULT_API_PASSWORD}'`);
    expect(
      raw
        .trim()
        .split('\n')
        .every((line) => line.startsWith('export SPARK_')),
    ).toBe(true);
  });

  it('--print-env refuses port 0, whose port nobody could know', () => {
    const run = () => execFileSync(process.execPath, [CLI, '--print-env', '--port', '0'], { stdio: 'pipe' });
    expect(run).toThrow(/--print-env needs a fixed --port/);
  });
});
