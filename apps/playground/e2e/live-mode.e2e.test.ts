// biome-ignore-all lint/performance/useDomNodeTextContent: Playwright locators, not DOM nodes; innerText is what the user sees
import { type MockSpark, startMockSpark } from '@xinghuo/mock-server';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LaunchedChromium, launchChromium } from '../../../test-support/launch-chromium';
import { type PlaygroundServer, startPlaygroundServer } from '../src/server/playground-server';
import { ChatPage } from './support/chat-page';
import { BUILT_UI } from './support/paths';

/**
 * Live mode without the internet: the playground gets SPARK_* credentials and a SPARK_BASE_URL that
 * points at a separately started mock server, so the live signing path is what the page uses.
 */
describe('playground in Chromium (live mode against a stand-in Spark)', () => {
  let spark: MockSpark;
  let playground: PlaygroundServer;
  let chromium: LaunchedChromium;
  let page: Page;

  beforeAll(async () => {
    spark = await startMockSpark({ latencyMs: 20, chunkChars: 6 });
    playground = await startPlaygroundServer({
      port: 0,
      staticDir: BUILT_UI,
      env: {
        SPARK_APP_ID: spark.credentials.appId,
        SPARK_API_KEY: spark.credentials.apiKey,
        SPARK_API_SECRET: spark.credentials.apiSecret,
        SPARK_BASE_URL: spark.url,
      },
    });
    chromium = await launchChromium({ profilePrefix: 'xinghuo-playground-e2e-' });
    page = chromium.context.pages()[0] ?? (await chromium.context.newPage());
    await page.goto(playground.url.replace('localhost', '127.0.0.1'));
    await page.getByTestId('mode-badge').waitFor();
  });

  afterAll(async () => {
    await chromium?.close();
    await playground?.close();
    await spark?.close();
  });

  it('says it is live, offers no mock faults and streams from the configured service', async () => {
    expect(playground.mode).toBe('live');
    expect(playground.mock).toBeUndefined();
    await expect(page.getByTestId('mode-badge').innerText()).resolves.toContain('live');
    await expect(page.getByTestId('fault-select').count()).resolves.toBe(0);

    const chat = new ChatPage(page);
    await chat.ask('你好，星火');
    await expect(chat.settled()).resolves.toBe('done');
    await expect(chat.lastAnswerText()).resolves.toContain('你好，星火');
    expect(spark.requests.at(-1)?.request?.appId).toBe(spark.credentials.appId);
    await expect.poll(() => spark.openSockets(), { timeout: 5_000 }).toBe(0);
  });
});
