// biome-ignore-all lint/performance/useDomNodeTextContent: Playwright locators, not DOM nodes; innerText is what the user sees
import { copyFileSync } from 'node:fs';
import { describeSparkCode } from '@xinghuo/node';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LaunchedChromium, launchChromium } from '../../../test-support/launch-chromium';
import { type PlaygroundServer, startPlaygroundServer } from '../src/server/playground-server';
import { ChatPage } from './support/chat-page';
import { pinLanguage } from './support/language';
import { BUILT_UI, outputPath, PACKAGE_ROOT } from './support/paths';

/**
 * The playground as a user sees it: the real server in mock mode (answers streamed by the bundled
 * mock Spark server at 30 ms per frame) driven through headless Chromium.
 */
describe('playground in Chromium (mock mode)', () => {
  let playground: PlaygroundServer;
  let chromium: LaunchedChromium;
  let page: Page;
  let chat: ChatPage;
  const fetchedBodies: string[] = [];
  const pageErrors: string[] = [];

  beforeAll(async () => {
    playground = await startPlaygroundServer({ port: 0, env: {}, staticDir: BUILT_UI, mockLatencyMs: 30 });
    chromium = await launchChromium({ profilePrefix: 'xinghuo-playground-e2e-' });
    await pinLanguage(chromium.context, 'en');
    page = chromium.context.pages()[0] ?? (await chromium.context.newPage());
    page.on('response', (response) => {
      response.text().then(
        (body) => fetchedBodies.push(body),
        () => undefined,
      );
    });
    page.on('pageerror', (error) => pageErrors.push(error.message));
    chat = new ChatPage(page);
    await page.goto(playground.url.replace('localhost', '127.0.0.1'));
    await page.getByTestId('mode-badge').waitFor();
  });

  afterAll(async () => {
    await chromium?.close();
    await playground?.close();
  });

  async function newChat() {
    await page.getByTestId('new-chat').click();
  }

  it('says it runs in mock mode and lists the registry models', async () => {
    await expect(page.getByTestId('mode-badge').innerText()).resolves.toContain('mock mode');
    const options = await page.getByTestId('model-select').locator('option').allInnerTexts();
    expect(options.some((label) => label.includes('(lite)'))).toBe(true);
    expect(options.some((label) => label.includes('(generalv3.5)'))).toBe(true);
    await expect(page.getByTestId('model-facts').innerText()).resolves.toMatch(/context 8K/);
  });

  it('streams an answer that grows over time, then shows usage, sid and timing', async () => {
    await newChat();
    const growth = await chat.recordGrowth();
    await chat.ask('用三句话介绍合肥');
    await expect(chat.settled()).resolves.toBe('done');
    const lengths = await growth.lengths();
    const distinct = new Set(lengths.filter((length) => length > 0));
    expect(distinct.size).toBeGreaterThanOrEqual(3);
    const finalText = await chat.lastAnswerText();
    expect(finalText).toContain('用三句话介绍合肥');
    expect(finalText.length).toBeGreaterThanOrEqual(Math.max(...lengths));

    const stats = await chat.lastAnswer().getByTestId('answer-stats').innerText();
    expect(stats).toMatch(/tokens \d+ in · \d+ out · \d+ total/);
    expect(stats).toMatch(/first token \d+ ms/);
    expect(stats).toMatch(/speed [\d.]+ tokens\/s/);
    await expect(chat.lastAnswer().getByTestId('answer-sid').innerText()).resolves.toMatch(/^cht/);
  });

  it('shows the raw frames of the last exchange with the signed URL redacted, and never the secret', async () => {
    await page.getByText('Frame inspector').click();
    const url = await page.getByTestId('inspector-url').innerText();
    expect(url).toContain('authorization=[REDACTED]');
    expect(url).not.toContain('YXBpX2tleT0i');
    await expect(page.getByTestId('frame-sent').count()).resolves.toBe(1);
    expect(await page.getByTestId('frame-received').count()).toBeGreaterThanOrEqual(3);
    const firstSent = await page.getByTestId('frame-sent').first().innerText();
    expect(firstSent).toContain('"domain": "lite"');
    await page.getByText('Frame inspector').click();

    const secret = playground.mock!.credentials.apiSecret;
    expect(fetchedBodies.length).toBeGreaterThan(0);
    expect(fetchedBodies.some((body) => body.includes(secret))).toBe(false);
  });

  it('stops a long answer: the partial text stays and the answer is marked stopped', async () => {
    await newChat();
    const longText = '这是一段很长的回答，用来测试停止按钮。'.repeat(40);
    playground.mock!.enqueue({ text: longText, latencyMs: 40, chunkChars: 4 });
    await chat.ask('请写一篇很长的文章');
    await expect
      .poll(async () => (await chat.lastAnswerText()).length, { timeout: 10_000, interval: 20 })
      .toBeGreaterThanOrEqual(12);
    await page.getByTestId('stop-button').click();
    await expect(chat.settled()).resolves.toBe('stopped');
    const partial = await chat.lastAnswerText();
    expect(partial.length).toBeGreaterThanOrEqual(12);
    expect(partial.length).toBeLessThan(longText.length);
    expect(longText.startsWith(partial)).toBe(true);
    await expect(chat.lastAnswer().innerText()).resolves.toContain('stopped');
    await expect.poll(() => playground.mock!.openSockets(), { timeout: 5_000 }).toBe(0);
    // Nothing overwrites the partial text later. A whole later exchange (in a new chat) is the barrier
    // instead of a fixed wait: whatever the stopped stream still had in flight lands before it ends.
    await newChat();
    await chat.ask('你好');
    await expect(chat.settled()).resolves.toBe('done');
    await page
      .getByTestId('conversation-list')
      .getByRole('button', { name: '请写一篇很长的文章', exact: true })
      .click();
    await expect(chat.lastAnswerText()).resolves.toBe(partial);
  });

  it('sends the model picked in the UI: the mock receives its domain', async () => {
    await newChat();
    await page.getByTestId('model-select').selectOption('generalv3.5');
    await expect(page.getByTestId('model-facts').innerText()).resolves.toContain('generalv3.5');
    await chat.ask('你好');
    await expect(chat.settled()).resolves.toBe('done');
    await expect(chat.lastAnswer().getAttribute('data-model')).resolves.toBe('generalv3.5');
    const last = playground.mock!.requests.at(-1);
    expect(last?.request?.domain).toBe('generalv3.5');
    expect(last?.path).toBe('/v3.5/chat');
  });

  it('shows the function call the model makes when functions are sent', async () => {
    await newChat();
    await page.getByTestId('model-select').selectOption('generalv3.5');
    await page.getByTestId('functions-toggle').check();
    await chat.ask('What is the weather in 合肥? Use get_weather.');
    await expect(chat.settled()).resolves.toBe('done');
    await expect(chat.lastAnswer().getByTestId('function-call-name').innerText()).resolves.toBe(
      'get_weather',
    );
    const argumentsText = await chat.lastAnswer().getByTestId('function-call-arguments').innerText();
    expect(JSON.parse(argumentsText)).toHaveProperty('location');
    expect(playground.mock!.requests.at(-1)?.request?.functions.map((definition) => definition.name)).toEqual(
      ['get_weather'],
    );
    await page.getByTestId('functions-toggle').uncheck();
  });

  it('shows web-search sources as links when web search is on', async () => {
    await newChat();
    await page.getByTestId('model-select').selectOption('generalv3.5');
    await page.getByTestId('web-search-toggle').check();
    await chat.ask('合肥有什么好玩的地方');
    await expect(chat.settled()).resolves.toBe('done');
    const links = chat.lastAnswer().getByTestId('search-results').locator('a');
    await expect(links.count()).resolves.toBe(3);
    await expect(links.first().getAttribute('href')).resolves.toMatch(/^https:\/\/example\.com\//);
    expect(playground.mock!.requests.at(-1)?.request?.webSearch?.showRefLabel).toBe(true);
    await page.getByTestId('web-search-toggle').uncheck();
  });

  it('shows a scripted failure with the Spark code, its meaning and a hint', async () => {
    await newChat();
    await page.getByTestId('fault-select').selectOption('input-moderation');
    await page.getByTestId('arm-fault').click();
    await page.getByTestId('fault-status').waitFor();
    await chat.ask('这个问题会被拒绝');
    await expect(chat.settled()).resolves.toBe('error');
    const card = chat.lastAnswer().getByTestId('error-card');
    await expect(card.getByTestId('error-spark-code').innerText()).resolves.toBe('10013');
    await expect(card.getByTestId('error-meaning').innerText()).resolves.toContain(describeSparkCode(10013)!);
    await expect(card.innerText()).resolves.toContain('rephrase');
    await page.screenshot({ path: outputPath('error.png') });
  });

  it('recovers from a retryable scripted failure (engine busy) without showing an error', async () => {
    await newChat();
    const connectionsBefore = playground.mock!.connections.length;
    await page.getByTestId('fault-select').selectOption('engine-busy');
    await page.getByTestId('arm-fault').click();
    await chat.ask('再试一次');
    await expect(chat.settled()).resolves.toBe('done');
    await expect(chat.lastAnswerText()).resolves.toContain('再试一次');
    expect(playground.mock!.connections.length - connectionsBefore).toBe(2);
  });

  it('shows the reasoning of a reasoning model (x1) apart from the answer', async () => {
    await newChat();
    await page.getByTestId('model-select').selectOption('x1');
    await expect(page.getByTestId('model-facts').innerText()).resolves.toContain('reasoning');
    await chat.ask('为什么天空是蓝色的');
    await expect(chat.settled()).resolves.toBe('done');
    const reasoning = chat.lastAnswer().locator('details.reasoning');
    await reasoning.locator('summary').click();
    await expect(reasoning.innerText()).resolves.toContain('为什么天空是蓝色的');
    await expect(chat.lastAnswerText()).resolves.toContain('为什么天空是蓝色的');
    await page.getByTestId('model-select').selectOption('lite');
  });

  it('never runs markup from model output (sanitized Markdown)', async () => {
    await newChat();
    await chat.ask('<img src=x onerror="window.__pwned=1">');
    await expect(chat.settled()).resolves.toBe('done');
    // The tag reached the renderer (the mock quotes the question) and came out as no image at all:
    // only absolute https images are kept, and those as a click-to-open placeholder.
    await expect(chat.lastAnswer().locator('img').count()).resolves.toBe(0);
    await expect(page.locator('[data-testid="message-list"] [onerror]').count()).resolves.toBe(0);
    await expect(page.evaluate(() => (window as { __pwned?: number }).__pwned)).resolves.toBeUndefined();
  });

  it('greys out the turns that history trimming will drop, and sends the trimmed history', async () => {
    await newChat();
    await page.getByTestId('model-select').selectOption('lite');
    await page.getByTestId('max-tokens').fill('4096');
    // ≈2,700 estimated tokens each (1.5 CJK characters per token): two of them exceed 8K − 4,096.
    const longQuestion = '合肥'.repeat(2_000);
    await chat.ask(longQuestion);
    await expect(chat.settled()).resolves.toBe('done');
    await page.getByTestId('composer-input').fill('长'.repeat(4_000));
    await expect(page.locator('[data-dropped="true"]').count()).resolves.toBe(2);
    await expect(page.getByTestId('budget-bar').innerText()).resolves.toContain('2 old messages trimmed');
    await page.screenshot({ path: outputPath('trimmed.png') });
    await page.getByTestId('send-button').click();
    await expect(chat.settled()).resolves.toBe('done');
    expect(playground.mock!.requests.at(-1)?.request?.messages).toHaveLength(1);
    await page.getByTestId('max-tokens').fill('1024');
  });

  it('keeps the conversation across a reload (localStorage)', async () => {
    await newChat();
    await chat.ask('记住这句话');
    await expect(chat.settled()).resolves.toBe('done');
    const before = await chat.lastAnswerText();
    await page.reload();
    await page.getByTestId('mode-badge').waitFor();
    await expect(chat.lastAnswerText()).resolves.toBe(before);
    await expect(page.getByTestId('user-message').last().innerText()).resolves.toContain('记住这句话');

    // Earlier conversations are kept too, newest first, and open with their answers as they ended.
    const list = page.getByTestId('conversation-list');
    const titles = await list.locator('.conversation-title').allInnerTexts();
    expect(titles[0]).toBe('记住这句话');
    expect(titles).toContain('请写一篇很长的文章');
    await list.getByRole('button', { name: '请写一篇很长的文章', exact: true }).click();
    await expect(chat.lastAnswer().getAttribute('data-status')).resolves.toBe('stopped');
    await expect(page.getByTestId('user-message').last().innerText()).resolves.toContain(
      '请写一篇很长的文章',
    );
  });

  it('shows sources and a function call in one conversation (the README screenshot)', async () => {
    await newChat();
    await page.getByTestId('model-select').selectOption('4.0Ultra');
    await page.getByTestId('web-search-toggle').check();
    await chat.ask('合肥有哪些值得一去的地方？');
    await expect(chat.settled()).resolves.toBe('done');
    await page.getByTestId('web-search-toggle').uncheck();
    await page.getByTestId('functions-toggle').check();
    await chat.ask('What is the weather in 合肥? Use get_weather.');
    await expect(chat.settled()).resolves.toBe('done');
    await page.getByTestId('functions-toggle').uncheck();
    await expect(page.getByTestId('search-results').count()).resolves.toBe(1);
    await expect(page.getByTestId('function-call').count()).resolves.toBe(1);
    await page.locator('.sidebar').evaluate((sidebar) => sidebar.scrollTo(0, 0));
    await page.getByTestId('conversation-list').evaluate((list) => list.scrollTo(0, 0));
    await page.screenshot({ path: outputPath('desktop.png') });
    if (process.env.UPDATE_DOCS_SCREENSHOT === '1') {
      copyFileSync(outputPath('desktop.png'), `${PACKAGE_ROOT}docs/screenshot.png`);
    }
  });

  it('fits a 390 px phone screen without horizontal scrolling', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await expect(page.getByTestId('send-button').isVisible()).resolves.toBe(true);
    await page.screenshot({ path: outputPath('phone.png'), fullPage: true });
    await page.setViewportSize({ width: 1280, height: 860 });
  });

  it('threw no uncaught error in the page during the whole run', () => {
    expect(pageErrors).toEqual([]);
  });
});
