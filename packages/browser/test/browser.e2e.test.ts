/**
 * End to end in real headless Chromium: a page bundling @xinghuo/browser gets signed URLs from a Node
 * signing endpoint (createSigningHandler) and talks to the mock Spark server over real sockets.
 *
 * Needs Chromium at /usr/bin/chromium (override with CHROMIUM_PATH); run with `npm run e2e`.
 */
import { mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer, type Server, type ServerResponse } from 'node:http';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type MockSpark, startMockSpark } from '@xinghuo/mock-server';
import { createNodeRelayListener, createSigningHandler, toNodeHandler } from '@xinghuo/node';
import { build } from 'esbuild';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LaunchedChromium, launchChromium } from '../../../test-support/launch-chromium';

const here = dirname(fileURLToPath(import.meta.url));
const outputDirectory = join(here, '..', 'e2e-output');
const WAIT_MS = 15_000;

const STREAMED_TEXT = '星火浏览器端流式回答：你好，世界！The page never holds the secret.';
const SLOW_TEXT = '这是一段很长的回答，它会慢慢地一点一点地流出来，直到页面把它中止为止。'.repeat(4);

let mock: MockSpark;
let server: Server;
let origin: string;
let chromium: LaunchedChromium;
let page: Page;
let bundleDirectory: string;
/** Everything the page received over HTTP and WebSocket, to prove the secret never reached it. */
const received: { url: string; body: string }[] = [];
const pendingBodies: Promise<void>[] = [];
const signingCalls: string[] = [];
/** Every request the relay received: method, path and the page's own Authorization. */
const relayCalls: string[] = [];
/** Every body the signing endpoint sent, recorded on the server: Chromium cannot always hand over a body. */
const signingBodies: string[] = [];

/** Records the body a Node response sends, whether in `write` calls (the adapter streams) or in `end`. */
function recordBody(response: ServerResponse, onBody: (body: string) => void): void {
  const chunks: Buffer[] = [];
  const keep = (chunk: unknown) => {
    if (typeof chunk === 'string' || chunk instanceof Uint8Array) chunks.push(Buffer.from(chunk));
  };
  const write = response.write.bind(response);
  response.write = ((...args: Parameters<typeof write>) => {
    keep(args[0]);
    return write(...args);
  }) as typeof response.write;
  const end = response.end.bind(response);
  response.end = ((...args: Parameters<typeof end>) => {
    keep(args[0]);
    onBody(Buffer.concat(chunks).toString('utf8'));
    return end(...args);
  }) as typeof response.end;
}

/** Bundles the page script and the worker script with esbuild into a temporary directory. */
async function bundleScripts(): Promise<{ app: string; worker: string }> {
  bundleDirectory = await mkdtemp(join(tmpdir(), 'xinghuo-browser-e2e-bundle-'));
  await build({
    entryPoints: { app: join(here, 'e2e', 'page.ts'), worker: join(here, 'e2e', 'worker.ts') },
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    outdir: bundleDirectory,
    logLevel: 'error',
  });
  const [app, worker] = await Promise.all(
    ['app.js', 'worker.js'].map((name) => readFile(join(bundleDirectory, name), 'utf8')),
  );
  return { app: app!, worker: worker! };
}

async function startSite(): Promise<void> {
  const [html, scripts] = await Promise.all([
    readFile(join(here, 'e2e', 'index.html'), 'utf8'),
    bundleScripts(),
  ]);
  const sign = toNodeHandler(
    createSigningHandler({
      appId: mock.credentials.appId,
      apiKey: mock.credentials.apiKey,
      apiSecret: mock.credentials.apiSecret,
      baseURL: mock.url,
      // Local test site; a real app passes authorize(request) to check its own session.
      public: true,
    }),
  );
  const relay = createNodeRelayListener({
    apiPassword: mock.apiPassword,
    upstream: mock.httpURL,
    // The app's own session check; the relay drops this header before forwarding.
    authorize: (request) => request.headers.get('authorization') === 'Bearer e2e-session',
    // The host the site is served under: the page's same-origin requests are then allowed.
    trustedHosts: ['127.0.0.1'],
  });
  server = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://localhost').pathname;
    if (path.startsWith('/api/spark/v')) {
      relayCalls.push(`${request.method} ${path} ${request.headers.authorization ?? ''}`);
      relay(request, response);
    } else if (path === '/api/spark/sign') {
      signingCalls.push(request.url ?? '');
      recordBody(response, (body) => signingBodies.push(body));
      sign(request, response);
    } else if (path === '/') {
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(html);
    } else if (path === '/app.js' || path === '/worker.js') {
      const script = path === '/app.js' ? scripts.app : scripts.worker;
      response.writeHead(200, { 'content-type': 'text/javascript; charset=utf-8' }).end(script);
    } else {
      response.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  origin = `http://127.0.0.1:${port}`;
}

async function statusOf(id: string, pattern: RegExp): Promise<string> {
  await page.waitForFunction(
    ([elementId, source]) =>
      new RegExp(source as string).test(document.getElementById(elementId as string)?.textContent ?? ''),
    [id, pattern.source],
    { timeout: WAIT_MS },
  );
  return (await page.textContent(`#${id}`)) ?? '';
}

beforeAll(async () => {
  mock = await startMockSpark();
  await startSite();
  chromium = await launchChromium({ profilePrefix: 'xinghuo-browser-e2e-profile-' });
  page = chromium.context.pages()[0] ?? (await chromium.context.newPage());
  page.on('response', (response) => {
    pendingBodies.push(
      response
        .text()
        .catch(() => '')
        .then((body) => {
          received.push({ url: response.url(), body });
        }),
    );
  });
  page.on('websocket', (socket) => {
    socket.on('framereceived', ({ payload }) => received.push({ url: 'websocket', body: String(payload) }));
  });
  await page.goto(`${origin}/?appId=${encodeURIComponent(mock.credentials.appId)}`);
  await page.waitForSelector('body[data-ready="true"]', { timeout: WAIT_MS });
});

afterAll(async () => {
  await mkdir(outputDirectory, { recursive: true });
  await page?.screenshot({ path: join(outputDirectory, 'browser-e2e.png'), fullPage: true }).catch(() => {});
  await chromium?.close();
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  await mock?.close();
  if (bundleDirectory) await rm(bundleDirectory, { recursive: true, force: true });
});

describe('@xinghuo/browser in headless Chromium', () => {
  it('streams an answer through a signed URL from the signing endpoint', async () => {
    mock.enqueue({ text: STREAMED_TEXT, chunkChars: 6 });
    await page.click('#stream-start');
    expect(await statusOf('stream-status', /^(done|failed)/)).toBe('done');
    expect(await page.textContent('#stream-output')).toBe(STREAMED_TEXT);
    expect(await page.textContent('#stream-final')).toBe(STREAMED_TEXT);
    expect(Number(await page.textContent('#stream-deltas'))).toBeGreaterThan(1);
    expect(signingCalls.some((call) => call.includes('model=lite'))).toBe(true);
  });

  it('aborts a second answer mid-stream and shows an AbortError', async () => {
    mock.enqueue({ text: SLOW_TEXT, chunkChars: 2, latencyMs: 150 });
    await page.click('#abort-start');
    expect(await statusOf('abort-status', /^(stopped|finished)/)).toBe('stopped: AbortError [aborted]');
    const partial = (await page.textContent('#abort-output')) ?? '';
    expect(partial.length).toBeGreaterThan(0);
    expect(SLOW_TEXT.startsWith(partial)).toBe(true);
    expect(partial.length).toBeLessThan(SLOW_TEXT.length);
    // The abort closed the page's socket: the mock has no connection left open.
    await expect.poll(() => mock.openSockets(), { timeout: WAIT_MS }).toBe(0);
  });

  it('shows a typed connection error for a refused handshake, re-signing for the retry', async () => {
    const rejection = { status: 401, body: { message: 'HMAC signature does not match' } };
    mock.enqueue({ reject: rejection });
    mock.enqueue({ reject: rejection });
    const callsBefore = signingCalls.length;
    const connectionsBefore = mock.connections.length;
    await page.click('#refused-start');
    expect(await statusOf('refused-status', /^(failed|unexpectedly)/)).toBe(
      'failed: SparkConnectionError [connection_error]',
    );
    const message = (await page.textContent('#refused-error')) ?? '';
    expect(message).toMatch(/handshake/i);
    expect(message).toMatch(/clock/i);
    expect(message).toMatch(/origin/i);
    expect(signingCalls.length - callsBefore).toBe(2);
    expect(mock.connections.slice(connectionsBefore).map((connection) => connection.status)).toEqual([
      401, 401,
    ]);
  });

  it('streams an answer over HTTP through the relay, with no credential in the page', async () => {
    const text = '经由中继的 HTTP 流式回答：页面里没有密码。';
    mock.enqueue({ text, chunkChars: 5 });
    const before = mock.requests.length;
    await page.click('#relay-start');
    expect(await statusOf('relay-status', /^(done|failed)/)).toBe('done (http, stop)');
    expect(await page.textContent('#relay-output')).toBe(text);
    expect(Number(await page.textContent('#relay-deltas'))).toBeGreaterThan(1);
    expect(relayCalls).toEqual(['POST /api/spark/v1/chat/completions Bearer e2e-session']);
    expect(mock.requests.slice(before)).toMatchObject([{ path: '/v1/chat/completions', protocol: 'http' }]);
  });

  it('streams from a web worker, where there is no window', async () => {
    const text = '工作线程里的流式回答，没有 window 也能运行。';
    mock.enqueue({ text, chunkChars: 5 });
    await page.click('#worker-start');
    expect(await statusOf('worker-status', /^(done|failed)/)).toBe('done (window in worker: false)');
    expect(await page.textContent('#worker-output')).toBe(text);
  });

  it('never lets the page see the API secret or the HTTP password', async () => {
    const secret = mock.credentials.apiSecret;
    const password = mock.apiPassword;
    await Promise.all(pendingBodies);
    // What the signing endpoint sent (recorded on the server) is a signed URL and nothing secret.
    expect(signingBodies.length).toBeGreaterThanOrEqual(5);
    for (const body of signingBodies) {
      expect(body).toMatch(/"url":"ws:\/\/127\.0\.0\.1:\d+\/v1\.1\/chat\?/);
      expect(body).not.toContain(secret);
    }
    // And nothing the page received (WebSocket frames, and HTTP bodies as far as Chromium can report
    // them) holds it.
    expect(received.some((entry) => entry.url === 'websocket')).toBe(true);
    expect(received.some((entry) => entry.url.endsWith('/api/spark/v1/chat/completions'))).toBe(true);
    for (const entry of received) {
      expect(entry.body).not.toContain(secret);
      expect(entry.body).not.toContain(password);
    }
    const pageText = await page.evaluate(() => document.documentElement.outerHTML);
    expect(pageText).not.toContain(secret);
    expect(pageText).not.toContain(password);
    // Nor the script the page runs: the password exists only on the server.
    const scripts = await Promise.all(['/app.js', '/worker.js'].map((path) => fetch(`${origin}${path}`)));
    for (const script of scripts) expect(await script.text()).not.toContain(password);
  });
});
