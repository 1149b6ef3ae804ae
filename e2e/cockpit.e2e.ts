// The leader cockpit (领导驾驶舱) in a real browser: a county leader signs in and the first screen tells the demo's
// story — two yellow cards; the yellow-card figure opens the warning board listing exactly those cards; "only my
// items" narrows the lights; the cockpit fits a phone.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserAvailable, launch } from './browser.ts';
import { startServer } from './setup/server.ts';

// Its own server: other browser tests change the shared demo's warnings (a card cleared, another issued).
let baseUrl = '';

async function logIn(page: Page, username: string) {
  await page.goto(`${baseUrl}/login`);
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill('Benpao#2022');
  await page.getByTestId('login-submit').click();
  await page.getByTestId('user-menu').waitFor();
}

const countOf = async (page: Page, testId: string) =>
  Number(await page.getByTestId(testId).getAttribute('data-count'));

describe.skipIf(!browserAvailable)('leader cockpit in Chromium', () => {
  let browser: Browser;
  let close: () => Promise<void>;
  let stop: (() => Promise<void>) | undefined;
  beforeAll(async () => {
    const server = await startServer();
    baseUrl = server.baseUrl;
    stop = server.stop;
    ({ browser, close } = await launch());
  });
  afterAll(async () => {
    await close?.();
    await stop?.();
  });

  it('shows a leader the two yellow cards, and the figure opens the board listing exactly those', async () => {
    const context = await browser.newContext({ viewport: { width: 1366, height: 900 } });
    const page = await context.newPage();
    await logIn(page, 'leader3');
    await page.getByTestId('cockpit-card-yellow').waitFor();
    expect(await countOf(page, 'cockpit-card-yellow')).toBe(2);
    await expect.poll(() => page.getByTestId('cockpit-newest').innerText()).toContain('大东坝镇');
    await expect.poll(() => page.getByTestId('cockpit-index').innerText()).toMatch(/新兴镇|大东坝镇/);

    await page.getByTestId('cockpit-card-yellow').click();
    await page.waitForURL(/\/warnings\?.*kind=card/);
    await page.getByTestId('warning-list').waitFor();
    const rows = page
      .getByTestId('warning-row')
      .filter({ has: page.locator('[data-testid=warning-badge][data-kind=card][data-colour=yellow]') });
    await expect.poll(() => rows.count()).toBe(2);
    await expect.poll(() => page.getByTestId('warning-row').count()).toBe(2);
    // The list may re-render while its queries settle: read it once it shows both towns.
    await expect.poll(() => page.getByTestId('warning-list').innerText()).toContain('大东坝镇');
    await expect.poll(() => page.getByTestId('warning-list').innerText()).toContain('新兴镇');

    // Back on the first screen, opened afresh: the server draws it, and the page comes alive when its scripts
    // have run (held back here by a second, so that the click below certainly comes before). "Only my items",
    // clicked on the drawn page, takes effect then and narrows the lights to leader3's items.
    const hydrationErrors: string[] = [];
    page.on('console', (m) => {
      if (
        m.type() === 'error' &&
        /first screen drawn by the server differed|React error #4\d\d/.test(m.text())
      )
        hydrationErrors.push(m.text());
    });
    await page.route(/\/assets\/index-[\w-]+\.js$/, async (route) => {
      await new Promise((resolve) => setTimeout(resolve, 1000));
      await route.continue();
    });
    await page.goto(`${baseUrl}/`);
    await page.getByTestId('cockpit-light-yellow').waitFor();
    expect(await page.locator('#benpao-first-screen').count()).toBe(1);
    expect(await page.evaluate(() => performance.getEntriesByName('benpao:interactive').length)).toBe(0);
    // Hydrated, not drawn again: the element the server drew is the one that stays.
    await page.evaluate(() => {
      (window as unknown as { drawn: Element | null }).drawn = document.querySelector(
        '[data-testid=cockpit-light-yellow]',
      );
    });
    const region = await countOf(page, 'cockpit-light-yellow');
    await page.getByTestId('cockpit-mine').click();
    await page.waitForURL(/mine=1/);
    expect(await page.evaluate(() => performance.getEntriesByName('benpao:interactive').length)).toBe(1);
    expect(
      await page.evaluate(() => (window as unknown as { drawn: Element | null }).drawn?.isConnected),
    ).toBe(true);
    await expect.poll(() => countOf(page, 'cockpit-light-yellow')).toBeLessThan(region);
    await expect.poll(() => page.getByTestId('cockpit-at-risk').innerText()).toContain('松材线虫病');
    expect(hydrationErrors).toEqual([]);
    await context.close();
  });

  it('fits a phone without sideways scrolling', async () => {
    const context = await browser.newContext({
      viewport: { width: 375, height: 740 },
      isMobile: true,
      hasTouch: true,
    });
    const page = await context.newPage();
    await logIn(page, 'supervisor');
    await page.getByTestId('cockpit-card-yellow').waitFor();
    await page.getByTestId('trend-chart').waitFor();
    const scrollWidth = () => page.evaluate(() => document.documentElement.scrollWidth);
    expect(await scrollWidth()).toBeLessThanOrEqual(375 + 1);

    // The same page as the server draws it, before its scripts have run (held back here): it fits too.
    await page.route(/\/assets\/index-[\w-]+\.js$/, async (route) => {
      await new Promise((resolve) => setTimeout(resolve, 1000));
      await route.continue();
    });
    await page.reload();
    await page.getByTestId('cockpit-card-yellow').waitFor();
    expect(await page.evaluate(() => performance.getEntriesByName('benpao:interactive').length)).toBe(0);
    expect(await scrollWidth()).toBeLessThanOrEqual(375 + 1);

    await context.close();
  });
});
