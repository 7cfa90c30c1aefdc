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
   * Records the newest answer's text length each time the page changes the conversation, from a
   * MutationObserver inside the page: every step of the growth is seen however busy the machine is,
   * which sampling on a timer cannot promise. Call it before `ask`; `lengths()` stops recording and
   * returns the lengths seen, in order, without repeats.
   */
  async recordGrowth(): Promise<{ lengths(): Promise<number[]> }> {
    await this.page.evaluate(() => {
      const recorded: number[] = [];
      const record = () => {
        const answers = document.querySelectorAll('[data-testid="assistant-message"]');
        const text = answers[answers.length - 1]?.querySelector('[data-testid="answer-text"]');
        if (!(text instanceof HTMLElement)) return;
        const length = text.innerText.trim().length;
        if (recorded.at(-1) !== length) recorded.push(length);
      };
      const observer = new MutationObserver(record);
      observer.observe(document.body, { childList: true, subtree: true, characterData: true });
      (window as unknown as { __answerGrowth?: unknown }).__answerGrowth = { recorded, observer };
    });
    return {
      lengths: () =>
        this.page.evaluate(() => {
          const growth = (
            window as unknown as { __answerGrowth: { recorded: number[]; observer: MutationObserver } }
          ).__answerGrowth;
          growth.observer.disconnect();
          return growth.recorded;
        }),
    };
  }
}
