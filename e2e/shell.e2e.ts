// The walking skeleton in a real browser: log in, see real figures, switch language, work on a phone.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, browserAvailable, launch } from './browser.ts';

async function apiUnitCount(page: Page): Promise<number> {
  const res = await page.request.get(`${baseUrl}/api/dashboard`);
  expect(res.status()).toBe(200);
  return ((await res.json()) as { units: { total: number } }).units.total;
}

async function logIn(page: Page, username: string) {
  await page.goto(`${baseUrl}/`);
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill('Benpao#2022');
  await page.getByTestId('login-submit').click();
  await page.getByTestId('dashboard-unit-count').waitFor();
}

describe.skipIf(!browserAvailable)('web shell in Chromium', () => {
  let browser: Browser;
  let close: () => Promise<void>;
  beforeAll(async () => {
    ({ browser, close } = await launch());
  });
  afterAll(() => close?.());

  it('a supervisor logs in, sees the real figures of the demo county and switches to English', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    await logIn(page, 'supervisor');
    await expect.poll(() => page.locator('body').innerText()).toContain('松阳县 (demo)');
    const shown = (await page.getByTestId('dashboard-unit-count').innerText()).replace(/\D/g, '');
    expect(Number(shown)).toBe(await apiUnitCount(page));
    expect(Number(shown)).toBeGreaterThan(30);
    const users = (await page.getByTestId('dashboard-user-count').innerText()).replace(/\D/g, '');
    expect(Number(users)).toBeGreaterThanOrEqual(10);

    const zhText = await page.locator('body').innerText();
    await page.getByTestId('lang-switch').click();
    await expect.poll(() => page.getByTestId('lang-switch').getAttribute('data-locale')).toBe('en-US');
    await expect.poll(() => page.locator('body').innerText()).not.toBe(zhText);
    await expect.poll(() => page.locator('body').innerText()).toMatch(/Units|Dashboard|Overview/);
    // The choice is remembered across reloads.
    await page.reload();
    await page.getByTestId('dashboard-unit-count').waitFor();
    await expect.poll(() => page.locator('body').innerText()).toMatch(/Units|Dashboard|Overview/);
    await context.close();
  });

  it('works on a phone-sized screen', async () => {
    const context = await browser.newContext({
      viewport: { width: 375, height: 740 },
      isMobile: true,
      hasTouch: true,
    });
    const page = await context.newPage();
    await logIn(page, 'dadongba');
    const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(scrollWidth).toBeLessThanOrEqual(375 + 1);
    await context.close();
  });

  it('shows the audit log only to the audit admin', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await logIn(page, 'auditor');
    await page.goto(`${baseUrl}/admin/audit`);
    await expect
      .poll(() => page.locator('body').innerText(), { timeout: 15_000 })
      .toMatch(/auth\.login|登录/);
    await context.close();

    const other = await browser.newContext();
    const supervisorPage = await other.newPage();
    await logIn(supervisorPage, 'supervisor');
    await expect(supervisorPage.getByTestId('menu-audit').count()).resolves.toBe(0);
    await supervisorPage.goto(`${baseUrl}/admin/audit`);
    await expect
      .poll(() => supervisorPage.locator('body').innerText(), { timeout: 15_000 })
      .toMatch(/403|无权|not allowed|permission/i);
    await other.close();
  });
});
