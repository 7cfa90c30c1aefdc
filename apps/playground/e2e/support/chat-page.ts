// biome-ignore-all lint/performance/useDomNodeTextContent: Playwright locators, not DOM nodes; innerText is what the user sees
import type { Locator, Page } from 'playwright-core';

/** Page helpers in the words of the UI. */
export class ChatPage {
  constructor(readonly page: Page) {}

  /** The newest answer. */
  lastAnswer(): Locator {
    return this.page.getByTestId('assistant-message').last();
  }

  /** The newest answer's text as the user sees it. */
  async lastAnswerText(): Promise<string> {
    return (await this.lastAnswer().getByTestId('answer-text').innerText()).trim();
  }

  /** Types a question and sends it with the Send button. */
  async ask(question: string): Promise<void> {
    const before = await this.page.getByTestId('assistant-message').count();
    await this.page.getByTestId('composer-input').fill(question);
    await this.page.getByTestId('send-button').click();
    await this.page.getByTestId('assistant-message').nth(before).waitFor();
  }

  /** Waits until the newest answer leaves the streaming state and returns its status. */
  async settled(timeoutMs = 20_000): Promise<string> {
    const answer = this.lastAnswer();
    await answer.and(this.page.locator(':not([data-status="streaming"])')).waitFor({ timeout: timeoutMs });
    return (await answer.getAttribute('data-status')) ?? '';
  }

  /**
   * Samples the newest answer's text length every `intervalMs` while it streams, so a test can see
   * it grow. Sampling is bounded by `maxSamples`.
   */
  async sampleGrowth(intervalMs = 15, maxSamples = 2_000): Promise<number[]> {
    const lengths: number[] = [];
    for (let sample = 0; sample < maxSamples; sample += 1) {
      const [status, text] = await Promise.all([
        this.lastAnswer().getAttribute('data-status'),
        this.lastAnswer().getByTestId('answer-text').innerText(),
      ]);
      lengths.push(text.trim().length);
      if (status !== 'streaming') break;
      await this.page.waitForTimeout(intervalMs);
    }
    return lengths;
  }
}
