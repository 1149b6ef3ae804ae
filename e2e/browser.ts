// Launches Debian's Chromium through playwright-core: never a downloaded browser. Playwright gives every
// launch a fresh temporary profile (user-data-dir) of its own.
import { chromium, type Browser } from 'playwright-core';
import { inject } from 'vitest';

export const baseUrl = inject('baseUrl');
export const browserAvailable = baseUrl !== null;

export async function launch(): Promise<{ browser: Browser; close: () => Promise<void> }> {
  const browser = await chromium.launch({
    executablePath: inject('chromiumPath')!,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
  return {
    browser,
    close: () => browser.close(),
  };
}
