/**
 * Headless Debian Chromium for the end-to-end suites (`@xinghuo/browser`, the playground), launched
 * one way everywhere. Test code only: not a workspace and not published; suites import it by relative
 * path.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BrowserContext, chromium } from 'playwright-core';

/** Debian's Chromium (override with `CHROMIUM_PATH`); CI installs it with `apt-get install -y chromium`. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/**
 * Flags for a quiet headless run in a container: no sandbox (root in CI), no GPU, and no background
 * traffic (updates, sync, QUIC) that could reach the internet or slow the suite down.
 */
export const CHROMIUM_FLAGS: readonly string[] = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
];

/** Options of {@link launchChromium}. */
export interface LaunchChromiumOptions {
  /** Prefix of the temporary profile directory's name (default `xinghuo-e2e-profile-`). */
  profilePrefix?: string;
  /** Page size (default 1280 × 860). */
  viewport?: { width: number; height: number };
  /** How long the browser may take to start, in milliseconds (default 60 000). */
  launchTimeoutMs?: number;
}

/** A headless Chromium with a fresh profile; `close()` also deletes the profile. */
export interface LaunchedChromium {
  context: BrowserContext;
  close(): Promise<void>;
}

/**
 * Launches headless Chromium with a new, empty user-data directory.
 *
 * @example
 * ```ts
 * const chromium = await launchChromium({ profilePrefix: 'xinghuo-playground-e2e-' });
 * const page = chromium.context.pages()[0] ?? (await chromium.context.newPage());
 * await chromium.close();
 * ```
 */
export async function launchChromium(options: LaunchChromiumOptions = {}): Promise<LaunchedChromium> {
  const userDataDirectory = await mkdtemp(join(tmpdir(), options.profilePrefix ?? 'xinghuo-e2e-profile-'));
  try {
    const context = await chromium.launchPersistentContext(userDataDirectory, {
      executablePath: CHROMIUM_PATH,
      headless: true,
      args: [...CHROMIUM_FLAGS],
      viewport: options.viewport ?? { width: 1280, height: 860 },
      timeout: options.launchTimeoutMs ?? 60_000,
    });
    return {
      context,
      async close() {
        await context.close();
        await rm(userDataDirectory, { recursive: true, force: true });
      },
    };
  } catch (error) {
    // A browser that failed to start leaves no profile behind.
    await rm(userDataDirectory, { recursive: true, force: true });
    throw error;
  }
}
