// biome-ignore-all lint/performance/useDomNodeTextContent: Playwright locators, not DOM nodes; innerText is what the user sees
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LaunchedChromium, launchChromium } from '../../../test-support/launch-chromium';
import { type PlaygroundServer, startPlaygroundServer } from '../src/server/playground-server';
import { ChatPage } from './support/chat-page';
import { pinLanguage } from './support/language';
import { BUILT_UI, outputPath } from './support/paths';

/**
 * The protocol switch and a function-calling round trip over HTTP, in headless Chromium against the
 * playground server in mock mode: the page talks to the server's relay, which adds the mock's HTTP
 * password, so the page never holds it.
 */
describe('playground over HTTP in Chromium (mock mode)', () => {
  let playground: PlaygroundServer;
  let chromium: LaunchedChromium;
  let page: Page;
  let chat: ChatPage;
  /** Every response body the page received, and what the page sent to the relay. */
  const fetchedBodies: string[] = [];
  const relayRequests: { url: string; authorization: string | undefined }[] = [];
  const pageErrors: string[] = [];
  const dialogs: string[] = [];

  beforeAll(async () => {
    playground = await startPlaygroundServer({ port: 0, env: {}, staticDir: BUILT_UI, mockLatencyMs: 20 });
    chromium = await launchChromium({ profilePrefix: 'xinghuo-playground-http-e2e-' });
    await pinLanguage(chromium.context, 'en');
    page = chromium.context.pages()[0] ?? (await chromium.context.newPage());
    page.on('request', (request) => {
      if (request.url().includes('/chat/completions')) {
        relayRequests.push({ url: request.url(), authorization: request.headers().authorization });
      }
    });
    page.on('response', (response) => {
      response.text().then(
        (body) => fetchedBodies.push(body),
        () => undefined,
      );
    });
    page.on('pageerror', (error) => pageErrors.push(error.message));
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    chat = new ChatPage(page);
    await page.goto(playground.url.replace('localhost', '127.0.0.1'));
    await page.getByTestId('mode-badge').waitFor();
  });

  afterAll(async () => {
    await page?.screenshot({ path: outputPath('http-protocol.png'), fullPage: true }).catch(() => {});
    await chromium?.close();
    await playground?.close();
  });

  it('starts on WebSocket and switches to HTTP, which streams through the relay', async () => {
    await expect(page.getByTestId('protocol-ws').isChecked()).resolves.toBe(true);
    await page.getByTestId('protocol-http').check();
    await expect(page.getByTestId('protocol-hint').innerText()).resolves.toContain('relay');
    const before = playground.mock!.requests.length;
    await chat.ask('用三句话介绍合肥');
    await expect(chat.settled()).resolves.toBe('done');
    expect(await chat.lastAnswerText()).toContain('用三句话介绍合肥');
    expect(playground.mock!.requests.slice(before)).toMatchObject([
      { path: '/v1/chat/completions', protocol: 'http' },
    ]);
    expect(relayRequests.map((request) => new URL(request.url).pathname)).toEqual([
      '/api/spark/v1/chat/completions',
    ]);
    // The page sends no credential of its own: the relay adds the password on the server.
    expect(relayRequests[0]?.authorization).toBeUndefined();

    await page.getByText('Frame inspector').click();
    await expect(page.getByTestId('inspector-url').innerText()).resolves.toMatch(
      /^http:\/\/127\.0\.0\.1:\d+\/api\/spark\/v1\/chat\/completions$/,
    );
    await expect(page.getByTestId('frame-sent').first().innerText()).resolves.toContain('"model": "lite"');
    expect(await page.getByTestId('frame-received').count()).toBeGreaterThanOrEqual(1);
    await page.getByText('Frame inspector').click();
  });

  it('keeps the choice across a reload, and switches back to WebSocket', async () => {
    await page.reload();
    await page.getByTestId('mode-badge').waitFor();
    await expect(page.getByTestId('protocol-http').isChecked()).resolves.toBe(true);
    await page.getByTestId('protocol-ws').check();
    await page.getByTestId('new-chat').click();
    const before = playground.mock!.requests.length;
    await chat.ask('你好');
    await expect(chat.settled()).resolves.toBe('done');
    const [request] = playground.mock!.requests.slice(before);
    expect(request?.protocol).toBeUndefined();
    expect(request?.path).toBe('/v1.1/chat');
    await page.getByTestId('protocol-http').check();
  });

  it('runs a function call in the page and sends the result back, showing the final answer', async () => {
    await page.getByTestId('new-chat').click();
    await page.getByTestId('model-select').selectOption('generalv3.5');
    await page.getByTestId('functions-toggle').check();
    const before = playground.mock!.requests.length;
    await chat.ask('What is the weather in 合肥? Use get_weather.');
    await expect(chat.settled()).resolves.toBe('done');
    const answer = chat.lastAnswer();
    await expect(answer.getByTestId('function-call-name').innerText()).resolves.toBe('get_weather');
    const result = JSON.parse(await answer.getByTestId('tool-result-content').innerText());
    expect(result).toMatchObject({ source: 'playground demo data' });
    // The model's final answer is built on the result the page sent back (the mock quotes it).
    expect(await chat.lastAnswerText()).toContain(`"location":"${result.location}"`);

    const [call, followUp] = playground.mock!.requests.slice(before);
    expect(call?.request?.functions.map((definition) => definition.name)).toEqual(['get_weather']);
    expect(followUp?.protocol).toBe('http');
    expect(JSON.stringify(followUp?.request?.messages)).toContain('playground demo data');
  });

  it('renders hostile function arguments and results as text only', async () => {
    await page.getByTestId('new-chat').click();
    const hostile = '<img src=x onerror="alert(1)">合肥';
    playground.mock!.enqueue({ functionCall: { name: 'get_weather', arguments: { location: hostile } } });
    await chat.ask('What is the weather? Use get_weather.');
    await expect(chat.settled()).resolves.toBe('done');
    const answer = chat.lastAnswer();
    // Shown as the characters they are (JSON-escaped quotes included), never parsed as markup.
    const shown = '<img src=x onerror=\\"alert(1)\\">合肥';
    await expect(answer.getByTestId('function-call-arguments').innerText()).resolves.toContain(shown);
    await expect(answer.getByTestId('tool-result-content').innerText()).resolves.toContain(shown);
    await expect(page.locator('img[src="x"]').count()).resolves.toBe(0);
    expect(dialogs).toEqual([]);
    await page.getByTestId('functions-toggle').uncheck();
  });

  it('never lets the page see the HTTP password or the API secret', async () => {
    const { apiPassword } = playground.mock!;
    const secret = playground.mock!.credentials.apiSecret;
    expect(fetchedBodies.length).toBeGreaterThan(0);
    for (const body of fetchedBodies) {
      expect(body).not.toContain(apiPassword);
      expect(body).not.toContain(secret);
    }
    const html = await page.evaluate(() => document.documentElement.outerHTML);
    expect(html).not.toContain(apiPassword);
    const stored = await page.evaluate(() => JSON.stringify({ ...localStorage }));
    expect(stored).not.toContain(apiPassword);
    expect(pageErrors).toEqual([]);
  });
});
