// biome-ignore-all lint/performance/useDomNodeTextContent: Playwright locators, not DOM nodes; innerText is what the user sees
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LaunchedChromium, launchChromium } from '../../../test-support/launch-chromium';
import { type PlaygroundServer, startPlaygroundServer } from '../src/server/playground-server';
import { ChatPage } from './support/chat-page';
import { fakeBrowserLanguage, LANGUAGE_KEY } from './support/language';
import { BUILT_UI, outputPath } from './support/paths';

const PHONE = { width: 390, height: 844 };

/** The playground on a phone-sized screen, in a browser whose language is Chinese (issue 12). */
describe('playground in Chromium on a 390 px phone, browser language zh-CN', () => {
  let playground: PlaygroundServer;
  let chromium: LaunchedChromium;
  let page: Page;
  let chat: ChatPage;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    playground = await startPlaygroundServer({ port: 0, env: {}, staticDir: BUILT_UI, mockLatencyMs: 5 });
    chromium = await launchChromium({ profilePrefix: 'xinghuo-playground-phone-', viewport: PHONE });
    await fakeBrowserLanguage(chromium.context, 'zh-CN');
    page = chromium.context.pages()[0] ?? (await chromium.context.newPage());
    page.on('pageerror', (error) => pageErrors.push(error.message));
    chat = new ChatPage(page);
    await page.goto(playground.url.replace('localhost', '127.0.0.1'));
    await page.getByTestId('mode-badge').waitFor();
  });

  afterAll(async () => {
    await chromium?.close();
    await playground?.close();
  });

  it('starts in Chinese when the browser language is Chinese', async () => {
    await expect(page.locator('html').getAttribute('lang')).resolves.toBe('zh-CN');
    await expect(page.getByTestId('send-button').innerText()).resolves.toBe('发送');
    await expect(page.getByTestId('new-chat').innerText()).resolves.toBe('新对话');
    await expect(page.getByTestId('mode-badge').innerText()).resolves.toContain('模拟');
    await expect(page.getByTestId('language-switch').innerText()).resolves.toContain('English');
  });

  it('keeps the composer on screen after three turns, without scrolling the page', async () => {
    for (const question of [
      '请用五段话详细介绍合肥的历史、地理、经济、文化和美食，每段都要写得长一些。',
      '再详细介绍一下科大讯飞和星火大模型的发展历程，以及它们在教育、医疗和办公中的应用。',
      '最后总结一下前面两个回答的要点，并给出三条去合肥旅行的建议。',
    ]) {
      await chat.ask(question);
      await expect(chat.settled()).resolves.toBe('done');
    }
    await expect(page.getByTestId('assistant-message').count()).resolves.toBe(3);
    const placement = await page.getByTestId('composer-input').evaluate((input) => {
      const box = input.getBoundingClientRect();
      const hit = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
      return {
        top: box.top,
        bottom: box.bottom,
        viewportHeight: window.innerHeight,
        pageScrollY: window.scrollY,
        onTop: hit === input,
        horizontalOverflow: document.documentElement.scrollWidth - window.innerWidth,
      };
    });
    expect(placement.pageScrollY).toBe(0);
    expect(placement.top).toBeGreaterThanOrEqual(0);
    expect(placement.bottom).toBeLessThanOrEqual(placement.viewportHeight);
    expect(placement.onTop).toBe(true);
    expect(placement.horizontalOverflow).toBeLessThanOrEqual(0);
    // The newest answer is scrolled into view above the composer.
    const lastAnswer = await chat.lastAnswer().evaluate((answer) => answer.getBoundingClientRect().bottom);
    expect(lastAnswer).toBeLessThanOrEqual(placement.top);
    await page.screenshot({ path: outputPath('phone-zh.png') });
  });

  it('switches the UI to English, remembers the choice across a reload, and switches back', async () => {
    await page.getByTestId('language-switch').click();
    await expect(page.getByTestId('send-button').innerText()).resolves.toBe('Send');
    await expect(page.getByTestId('new-chat').innerText()).resolves.toBe('New chat');
    await expect(page.locator('html').getAttribute('lang')).resolves.toBe('en');
    await expect(page.evaluate((key) => localStorage.getItem(key), LANGUAGE_KEY)).resolves.toBe('en');
    await page.reload();
    await page.getByTestId('mode-badge').waitFor();
    await expect(page.getByTestId('mode-badge').innerText()).resolves.toContain('mock mode');
    await expect(page.getByTestId('send-button').innerText()).resolves.toBe('Send');
    await page.screenshot({ path: outputPath('phone-en.png') });
    await page.getByTestId('language-switch').click();
    await expect(page.getByTestId('send-button').innerText()).resolves.toBe('发送');
  });

  it('shows the desktop layout in Chinese at 1280 px', async () => {
    await page.setViewportSize({ width: 1280, height: 860 });
    await expect(page.getByTestId('composer-input').isVisible()).resolves.toBe(true);
    await page.screenshot({ path: outputPath('desktop-zh.png') });
  });

  it('threw no uncaught error in the page', () => {
    expect(pageErrors).toEqual([]);
  });
});
