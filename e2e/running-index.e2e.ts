// The running index (奔跑指数) in a real browser: the supervisor sees April as a live preview that cannot be published
// yet (the server's reason is shown), commends 大东坝镇 for March through the form and republishes March — revision 2,
// whose differences name the town; then the town's manager, on a phone, sees March's revision 2, the town's rank and
// its score card down to the items, without sideways scrolling. Republishing changes the county's published months,
// so it runs against a server of its own.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserAvailable, launch } from './browser.ts';
import { startServer } from './setup/server.ts';

const TOWN = '大东坝镇';
const REASON = '松材线虫病疫木除治攻坚经验被市林业局推广（演示数据，虚构）';

let base = '';

async function logIn(page: Page, username: string) {
  await page.goto(`${base}/login`);
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill('Benpao#2022');
  await page.getByTestId('login-submit').click();
  await page.getByTestId('user-menu').waitFor();
}

interface MonthJson {
  published: boolean;
  revision: number | null;
  result: { scores: { unitId: string; name: string; rank: number | null; total: number | null }[] };
}

const noSidewaysScroll = async (page: Page) =>
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(376);

describe.skipIf(!browserAvailable)('the running index (奔跑指数) in Chromium', () => {
  let browser: Browser;
  let close: () => Promise<void>;
  let stop: (() => Promise<void>) | undefined;
  beforeAll(async () => {
    const server = await startServer();
    base = server.baseUrl;
    stop = server.stop;
    ({ browser, close } = await launch());
  });
  afterAll(async () => {
    await close?.();
    await stop?.();
  });

  it('a supervisor republishes March as revision 2 and the town sees its rank and score card', async () => {
    const desk = await browser.newContext({ viewport: { width: 1366, height: 900 } });
    const supervisor = await desk.newPage();
    await logIn(supervisor, 'supervisor');

    // April is not over: a live preview, and the server's refusal to publish it is shown.
    await supervisor.getByTestId('menu-runningIndex').click();
    await supervisor.getByTestId('index-category').first().waitFor();
    expect(await supervisor.getByTestId('index-status').getAttribute('data-published')).toBe('false');
    const picker = supervisor.getByTestId('index-month');
    const pickerInput =
      (await picker.evaluate((e) => e.tagName)) === 'INPUT' ? picker : picker.locator('input');
    expect(await pickerInput.inputValue()).toBe('2022-04');
    // The charts load lazily (ECharts): wait for them rather than race them.
    await expect.poll(() => supervisor.getByTestId('index-chart').count()).toBeGreaterThan(0);
    await supervisor.getByTestId('index-publish').click();
    const refused = supervisor.waitForResponse(
      (r) => r.request().method() === 'POST' && r.url().endsWith('/api/index/months/2022-04/publish'),
    );
    await supervisor.getByTestId('index-publish-ok').click();
    expect((await refused).status()).toBe(400);
    await expect.poll(() => supervisor.getByTestId('index-publish-error').innerText()).toContain('尚未结束');

    // March is published by the demo (revision 1).
    await supervisor.goto(`${base}/running-index?month=2022-03`);
    await expect.poll(() => supervisor.getByTestId('index-status').getAttribute('data-revision')).toBe('1');

    // A commendation for the town in March, through the form.
    await supervisor.getByRole('tab', { name: '争先创优加分' }).click();
    await supervisor.getByTestId('bonus-add').click();
    await supervisor.getByTestId('bonus-unit').click();
    await supervisor.keyboard.type('大东坝');
    const option = supervisor
      .locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option')
      .filter({ hasText: TOWN })
      .first();
    await option.waitFor();
    await option.click();
    const points = supervisor.getByTestId('bonus-points');
    await ((await points.evaluate((e) => e.tagName)) === 'INPUT' ? points : points.locator('input')).fill(
      '2',
    );
    await supervisor.getByTestId('bonus-reason').fill(REASON);
    const added = supervisor.waitForResponse(
      (r) => r.request().method() === 'POST' && r.url().endsWith('/api/index/bonuses'),
    );
    await supervisor.getByTestId('bonus-save').click();
    expect((await added).status()).toBe(201);
    await expect.poll(() => supervisor.getByTestId('bonus-row').filter({ hasText: REASON }).count()).toBe(1);

    // Republish March: revision 2, with the town among the differences.
    await supervisor.getByTestId('index-publish').click();
    const published = supervisor.waitForResponse(
      (r) => r.request().method() === 'POST' && r.url().endsWith('/api/index/months/2022-03/publish'),
    );
    await supervisor.getByTestId('index-publish-ok').click();
    expect((await published).status()).toBe(201);
    await expect.poll(() => supervisor.getByTestId('index-status').getAttribute('data-revision')).toBe('2');
    await supervisor.getByRole('tab', { name: '修订记录' }).click();
    const revision2 = supervisor.locator('[data-testid=index-revision][data-revision="2"]');
    await revision2.waitFor();
    expect(await supervisor.locator('[data-testid=index-revision][data-revision="1"]').count()).toBe(1);
    await expect
      .poll(() => revision2.getByTestId('revision-diff-row').filter({ hasText: TOWN }).count())
      .toBe(1);
    expect(await revision2.getByTestId('revision-diff-row').filter({ hasText: TOWN }).innerText()).toMatch(
      /→/,
    );
    // The month as a workbook, under the server's (localised) file name.
    const download = supervisor.waitForEvent('download');
    await supervisor.getByTestId('index-export').click();
    expect((await download).suggestedFilename()).toBe('奔跑指数-2022-03.xlsx');
    await desk.close();

    // The town's manager, on a phone: March revision 2, its rank in the towns' race, its score card.
    const phone = await browser.newContext({
      viewport: { width: 375, height: 800 },
      isMobile: true,
      hasTouch: true,
    });
    const town = await phone.newPage();
    await logIn(town, 'dadongba');
    const march = (await (await town.request.get(`${base}/api/index/months/2022-03`)).json()) as MonthJson;
    expect(march.revision).toBe(2);
    const own = march.result.scores.find((s) => s.name === TOWN)!;
    expect(own.rank).not.toBeNull();

    await town.goto(`${base}/running-index?month=2022-03`);
    await expect.poll(() => town.getByTestId('index-status').getAttribute('data-revision')).toBe('2');
    const row = town.locator(`[data-testid=index-row][data-unit="${TOWN}"]`);
    await row.waitFor();
    expect((await row.locator('td').first().innerText()).trim()).toBe(String(own.rank));
    expect(await row.getByTestId('index-score').innerText()).toBe(String(own.total));
    await town.getByTestId('index-chart').first().waitFor();
    await noSidewaysScroll(town);

    await town.getByTestId('index-own-card').click();
    await town.getByTestId('card-summary').waitFor();
    expect(await town.getByTestId('page-title').innerText()).toContain(TOWN);
    expect(await town.getByTestId('card-rank').getAttribute('data-rank')).toBe(String(own.rank));
    expect(await town.getByTestId('card-formula').innerText()).toContain(`= ${own.total}`);
    // Each component with its points, and the items that made them, each linking to its item page.
    expect(await town.getByTestId('card-component').count()).toBe(4);
    const itemLink = town.getByTestId('card-item-link').first();
    expect(await itemLink.getAttribute('href')).toMatch(/^\/items\/[^/]+$/);
    await expect.poll(() => town.getByTestId('card-bonuses').innerText()).toContain(REASON);
    await town.getByTestId('trend-chart').waitFor();
    await expect.poll(() => town.getByTestId('card-trend-month').count()).toBe(4);
    await noSidewaysScroll(town);

    // The breakdown leads to the item.
    await itemLink.click();
    await town.waitForURL(/\/items\/[^/]+$/);
    await phone.close();
  });
});
