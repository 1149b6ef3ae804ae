// A year of an item's life in small: a town's reporter files a report with a photo on a phone, the task force
// returns it, the reporter fixes it, the task force accepts it — each side in its own browser.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, browserAvailable, launch } from './browser.ts';
import { png } from './png.ts';

/** Fills a form control whose test id sits either on the input itself or on its antd wrapper. */
async function fillField(page: Page, testId: string, value: string) {
  const el = page.getByTestId(testId);
  const tag = await el.evaluate((e) => e.tagName);
  await (tag === 'INPUT' || tag === 'TEXTAREA' ? el : el.locator('input, textarea').first()).fill(value);
}

async function logIn(page: Page, username: string) {
  await page.goto(`${baseUrl}/login`);
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill('Benpao#2022');
  await page.getByTestId('login-submit').click();
  await page.getByTestId('user-menu').waitFor();
}

interface Report {
  id: string;
  status: string;
  periodKey: string;
  evidence: unknown[];
  returnReason: string | null;
}

describe.skipIf(!browserAvailable)('filing and reviewing a progress report in Chromium', () => {
  let browser: Browser;
  let close: () => Promise<void>;
  beforeAll(async () => {
    ({ browser, close } = await launch());
  });
  afterAll(() => close?.());

  it('a reporter files with a photo, the supervisor returns it, the reporter fixes it, the supervisor accepts it', async () => {
    const phone = await browser.newContext({
      viewport: { width: 375, height: 800 },
      isMobile: true,
      hasTouch: true,
    });
    const reporter = await phone.newPage();
    await logIn(reporter, 'dadongba_tb');
    const items = (await (
      await reporter.request.get(`${baseUrl}/api/items?q=${encodeURIComponent('松材线虫')}`)
    ).json()) as {
      items: { id: string; leadUnitName: string }[];
    };
    const item = items.items.find((i) => i.leadUnitName === '大东坝镇')!;
    expect(item).toBeDefined();
    const reportsOf = async (page: Page) =>
      (
        (await (await page.request.get(`${baseUrl}/api/items/${item.id}/reports`)).json()) as {
          items: Report[];
        }
      ).items;
    const april = () => reportsOf(reporter).then((r) => r.find((x) => x.periodKey === '2022-04'));

    // The April report was started as a draft; the reporter continues it on the phone.
    await reporter.goto(`${baseUrl}/items/${item.id}?tab=reports`);
    await reporter.getByTestId('period-edit-2022-04').click();
    await reporter.getByTestId('report-form').waitFor();
    await fillField(reporter, 'report-progress', '28');
    await fillField(reporter, 'report-work-progress', '本月完成疫木清理 1,200 株（演示数据，虚构）。');
    await reporter
      .locator('input[type=file]')
      .first()
      .setInputFiles({ name: '现场照片.png', mimeType: 'image/png', buffer: png() });
    await reporter.getByTestId('evidence-thumb').first().waitFor();
    await reporter.getByTestId('report-submit-button').click();
    await expect.poll(async () => (await april())?.status).toBe('submitted');
    expect((await april())!.evidence).toHaveLength(1);

    // The supervisor returns it from the review queue, with a reason.
    const desk = await browser.newContext({ viewport: { width: 1366, height: 900 } });
    const supervisor = await desk.newPage();
    await logIn(supervisor, 'supervisor');
    const reportId = (await april())!.id;
    await supervisor.goto(`${baseUrl}/reviews`);
    const card = supervisor.locator(`[data-testid=report-card][data-report-id="${reportId}"]`);
    await card.getByTestId('report-return').click();
    await supervisor.getByTestId('reason-input').fill('请补充除治点位和数量的佐证');
    await supervisor.getByTestId('reason-ok').click();
    await expect.poll(async () => (await april())?.status).toBe('returned');

    // The reporter sees the reason, fixes the report and submits again.
    await reporter.goto(`${baseUrl}/reports/${reportId}/edit`);
    await expect
      .poll(() => reporter.getByTestId('report-return-reason').innerText())
      .toContain('请补充除治点位');
    await reporter
      .getByTestId('report-work-progress')
      .fill('本月完成疫木清理 1,200 株，涉及 3 个山场点位（演示数据，虚构）。');
    await reporter.getByTestId('report-submit-button').click();
    await expect.poll(async () => (await april())?.status).toBe('submitted');

    // The supervisor accepts it; it is then locked.
    await supervisor.goto(`${baseUrl}/reviews`);
    await card.getByTestId('report-accept').click();
    await supervisor.locator('.ant-popconfirm .ant-btn-primary').click();
    await expect.poll(async () => (await april())?.status).toBe('accepted');
    const locked = await reporter.request.patch(`${baseUrl}/api/reports/${reportId}`, {
      data: { rowVersion: 99, workProgress: 'x' },
      headers: { origin: baseUrl! },
    });
    expect(locked.status()).toBe(409);
    await phone.close();
    await desk.close();
  });
});
