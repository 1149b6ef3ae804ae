// The warning engine in a real browser: the demo county's board shows the article's lights and cards with their
// reasons; a town answers its card and the task force re-checks it; a supervisor lowers a threshold, previews the
// difference, saves and activates the new rules and sees the new light with its explanation; the board fits a phone.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, browserAvailable, launch } from './browser.ts';

async function logIn(page: Page, username: string) {
  await page.goto(`${baseUrl}/login`);
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill('Benpao#2022');
  await page.getByTestId('login-submit').click();
  await page.getByTestId('user-menu').waitFor();
}

/** Rows of the board's (or a dossier's) list showing a badge of this kind and colour and the given words. */
function rows(page: Page, kind: 'light' | 'card', colour: 'yellow' | 'red', ...texts: string[]) {
  let found = page
    .getByTestId('warning-row')
    .filter({ has: page.locator(`[data-testid=warning-badge][data-kind=${kind}][data-colour=${colour}]`) });
  for (const text of texts) found = found.filter({ hasText: text });
  return found;
}

describe.skipIf(!browserAvailable)('lights and cards (亮灯亮牌) in Chromium', () => {
  let browser: Browser;
  let close: () => Promise<void>;
  beforeAll(async () => {
    ({ browser, close } = await launch());
  });
  afterAll(() => close?.());

  it("shows the demo county's yellow cards and the planning bureau's yellow light, each with its reason", async () => {
    const context = await browser.newContext({ viewport: { width: 1366, height: 900 } });
    const page = await context.newPage();
    await logIn(page, 'supervisor');
    await page.getByTestId('menu-warnings').click();
    await page.getByTestId('warning-list').waitFor();
    await expect.poll(() => rows(page, 'card', 'yellow', '大东坝镇').count()).toBeGreaterThanOrEqual(1);
    await expect.poll(() => rows(page, 'card', 'yellow', '新兴镇').count()).toBeGreaterThanOrEqual(1);
    await expect
      .poll(() => rows(page, 'light', 'yellow', '县自然资源和规划局', '帮扶').count())
      .toBeGreaterThanOrEqual(1);
    // Every row says why, in the UI language.
    const reason = await rows(page, 'card', 'yellow', '大东坝镇')
      .first()
      .getByTestId('warning-explanation')
      .innerText();
    expect(reason).toMatch(/黄灯|亮灯/);

    // The counts follow the list, and the per-unit ranking lists the two towns.
    const yellowCards = Number(
      await page.getByTestId('warning-count-card-yellow').getAttribute('data-count'),
    );
    expect(yellowCards).toBeGreaterThanOrEqual(2);
    await expect.poll(() => page.getByTestId('warning-by-unit').innerText()).toContain('大东坝镇');
    await expect.poll(() => page.getByTestId('warning-by-unit').innerText()).toContain('新兴镇');

    // "Why is this yellow?" on the town's card: the explanation, the rule and its version, the history.
    await rows(page, 'card', 'yellow', '大东坝镇').first().getByTestId('warning-link').click();
    await page.getByTestId('warning-why').waitFor();
    await expect.poll(() => page.getByTestId('warning-detail-explanation').innerText()).toBe(reason);
    expect(await page.getByTestId('warning-rule').innerText()).toMatch(/第 \d+ 版/);
    expect(await page.locator('[data-testid=warning-event][data-type=issued]').count()).toBe(1);
    await context.close();
  });

  it('a town reports what it did about its card and the task force re-checks it (灭灯/摘牌)', async () => {
    const phone = await browser.newContext({
      viewport: { width: 375, height: 800 },
      isMobile: true,
      hasTouch: true,
    });
    const town = await phone.newPage();
    await logIn(town, 'dadongba');
    const list = (await (
      await town.request.get(`${baseUrl}/api/warnings?kind=card&colour=yellow&state=open`)
    ).json()) as { items: { id: string; unitName: string; actions: string[] }[] };
    const card = list.items.find((w) => w.unitName === '大东坝镇');
    expect(card).toBeDefined();
    expect(card!.actions).toContain('rectify');

    // The warning reached the town's inbox and leads to its "why".
    await town.goto(`${baseUrl}/notifications`);
    await expect.poll(() => town.getByTestId('notification-list').innerText()).toContain('黄牌');

    await town.goto(`${baseUrl}/warnings/${card!.id}`);
    await town.getByTestId('warning-action-rectify').click();
    await town
      .getByTestId('warning-action-text')
      .fill('已召开专题会议，增派除治队伍 2 支，倒排工期至 4 月底（演示数据，虚构）。');
    await town.getByTestId('warning-action-ok').click();
    await expect
      .poll(() => town.getByTestId('warning-state').first().getAttribute('data-state'))
      .toBe('rectifying');
    await expect
      .poll(() => town.locator('[data-testid=warning-event][data-type=rectification_submitted]').count())
      .toBe(1);

    const desk = await browser.newContext({ viewport: { width: 1366, height: 900 } });
    const supervisor = await desk.newPage();
    await logIn(supervisor, 'supervisor');
    await supervisor.goto(`${baseUrl}/warnings/${card!.id}`);
    await supervisor.getByTestId('warning-action-recheck').click();
    await supervisor.getByTestId('warning-action-text').fill('现场复查，整改到位（演示数据，虚构）。');
    await supervisor.getByTestId('warning-action-ok').click();
    await expect
      .poll(() => supervisor.getByTestId('warning-state').first().getAttribute('data-state'))
      .toBe('cleared');
    // A second re-check is refused by the server, and its (localised) message is shown.
    const again = await supervisor.request.post(`${baseUrl}/api/warnings/${card!.id}/recheck`, {
      data: { passed: true, note: 'again' },
      headers: { origin: baseUrl! },
    });
    expect(again.status()).toBe(409);
    await phone.close();
    await desk.close();
  });

  it('a supervisor lowers a threshold, previews the difference, activates it and sees the new light', async () => {
    const context = await browser.newContext({ viewport: { width: 1366, height: 900 } });
    const page = await context.newPage();
    await logIn(page, 'supervisor');
    await page.getByTestId('menu-rules').click();
    const active = Number(await page.getByTestId('rule-active-version').getAttribute('data-version'));

    // An impossible threshold is refused next to its field as it is typed.
    const yellow = page.getByTestId('rule-progress-lag-yellow');
    await yellow.fill('40');
    await expect
      .poll(() => page.locator('[data-testid=rule-error][data-field="progress-lag-yellow"]').count())
      .toBe(1);
    await expect.poll(() => page.getByTestId('rule-save').isDisabled()).toBe(true);

    // Progress lag: yellow from 10 to 5 points.
    await yellow.fill('5');
    await expect.poll(() => page.getByTestId('rule-draft-status').getAttribute('data-valid')).toBe('true');
    await expect.poll(() => page.getByTestId('rule-error').count()).toBe(0);
    await page.getByTestId('rule-preview-button').click();
    const preview = page.getByTestId('rule-preview');
    await preview.waitFor();
    expect(Number(await preview.getAttribute('data-appear'))).toBeGreaterThanOrEqual(1);
    const newLight = page
      .getByTestId('rule-preview-appear-item')
      .filter({ has: page.locator('[data-testid=warning-badge][data-kind=light]') })
      .filter({ hasText: '进度滞后' })
      .first();
    const explanation = (await newLight.innerText()).split('\n').find((l) => l.includes('进度滞后'))!;
    expect(explanation).toContain('黄灯阈值 5');

    await page.getByTestId('rule-note').fill('进度滞后黄灯阈值由 10 个百分点调整为 5 个百分点（演示）');
    await page.getByTestId('rule-save').click();
    await expect.poll(() => page.getByTestId('rule-activate').isEnabled()).toBe(true);
    await page.getByTestId('rule-activate').click();
    await page.getByTestId('rule-activate-ok').click();
    await expect
      .poll(async () => Number(await page.getByTestId('rule-active-version').getAttribute('data-version')))
      .toBe(active + 1);
    await expect
      .poll(() => page.locator('[data-testid=rule-version][data-status=retired]').count())
      .toBeGreaterThan(0);

    // The board shows the new light, with the explanation the preview promised.
    await page.getByTestId('menu-warnings').click();
    await page.getByTestId('warning-list').waitFor();
    const row = page.getByTestId('warning-row').filter({ hasText: explanation.trim() });
    await expect.poll(() => row.count()).toBe(1);
    await row.getByTestId('warning-link').click();
    await expect
      .poll(() => page.getByTestId('warning-detail-explanation').innerText())
      .toBe(explanation.trim());
    expect(await page.getByTestId('warning-rule').innerText()).toContain('progress-lag');
    expect(await page.getByTestId('warning-rule').innerText()).toContain(`第 ${active + 1} 版`);
    await context.close();
  });

  it('fits the board, a warning and the rules on a phone without sideways scrolling', async () => {
    const context = await browser.newContext({
      viewport: { width: 375, height: 740 },
      isMobile: true,
      hasTouch: true,
    });
    const page = await context.newPage();
    await logIn(page, 'supervisor');
    await page.goto(`${baseUrl}/warnings`);
    await page.getByTestId('warning-row').first().waitFor();
    await page.getByTestId('trend-chart').waitFor();
    const widths = [await page.evaluate(() => document.documentElement.scrollWidth)];
    expect((await page.screenshot({ fullPage: true })).length).toBeGreaterThan(0);
    await page.getByTestId('warning-link').first().click();
    await page.getByTestId('warning-why').waitFor();
    widths.push(await page.evaluate(() => document.documentElement.scrollWidth));
    await page.goto(`${baseUrl}/rules`);
    await page.getByTestId('rule-row').first().waitFor();
    widths.push(await page.evaluate(() => document.documentElement.scrollWidth));
    for (const w of widths) expect(w).toBeLessThanOrEqual(375 + 1);
    await context.close();
  });
});
